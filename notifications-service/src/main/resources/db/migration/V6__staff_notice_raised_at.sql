-- When the event that asked for a notice happened (a risk flag's raising), so "told within 60 s of the
-- flag" is measured from the flag and not from when this service heard of it. Null for older rows and
-- for notices this service raises itself; metrics fall back to created_at.
alter table staff_notice add column raised_at timestamptz;
create index staff_notice_on_call_pending on staff_notice (created_at) where status = 'PENDING' and kind = 'ON_CALL_RISK';
