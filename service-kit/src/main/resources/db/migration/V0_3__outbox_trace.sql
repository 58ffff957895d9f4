-- The trace of the transaction that wrote each row (W3C traceparent / tracestate): the relay sends the
-- event within it, so one trace follows a request across Kafka. Null for rows written before tracing.
alter table outbox_event add column traceparent varchar(55);
alter table outbox_event add column tracestate varchar(512);
