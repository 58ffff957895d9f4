-- The trace of the event that planned each reminder and notice (W3C traceparent / tracestate): the
-- dispatcher mails it within that trace, so "the reminder never came" is one trace from the plan to the
-- SMTP server. (The outbox's own trace columns come with service-kit, V0_3.) Null for rows planned
-- before tracing.
alter table booster_reminder add column traceparent varchar(55);
alter table booster_reminder add column tracestate varchar(512);
alter table partner_notice add column traceparent varchar(55);
alter table partner_notice add column tracestate varchar(512);
alter table staff_notice add column traceparent varchar(55);
alter table staff_notice add column tracestate varchar(512);
