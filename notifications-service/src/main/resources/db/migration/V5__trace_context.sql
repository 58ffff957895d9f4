-- The trace of the transaction that wrote each row (W3C traceparent / tracestate). The relay sends an
-- outbox event within it; the dispatcher mails a reminder or notice within the trace of the event that
-- planned it, so "the reminder never came" is one trace from the plan to the SMTP server.
-- Null for rows written before tracing.
alter table outbox_event add column traceparent varchar(55);
alter table outbox_event add column tracestate varchar(512);
alter table booster_reminder add column traceparent varchar(55);
alter table booster_reminder add column tracestate varchar(512);
alter table partner_notice add column traceparent varchar(55);
alter table partner_notice add column tracestate varchar(512);
alter table staff_notice add column traceparent varchar(55);
alter table staff_notice add column tracestate varchar(512);
