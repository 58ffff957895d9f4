-- The notification dispatcher's rate: seeds :count booster reminders, all due now, for :count new
-- clients (named 'Bench <run>', e-mail consent granted, a time zone where it is midday, so quiet hours
-- hold none back), waits until they are all sent (at most 300 s) and prints how many were sent, over how
-- many seconds from the first sent_at to the last, and the rate ((sent - 1) / seconds, as ./clinic bench
-- counts it).
--
--   runuser -u postgres -- psql -qX -h .clinic/pg/run -p 5433 -d notifications \
--     -v run=$(date +%s) -v count=2000 -v mailboxes=50 -f scripts/bench-dispatch.sql
--
-- A running notifications-service on that database picks them up at its next poll (5 s). The clients
-- share :mailboxes addresses, bench-dispatch-<0..mailboxes-1>@example.org, the same in every run:
-- GreenMail finds a mailbox by a linear search over all of them, so an address per client would make
-- every later run's messages dearer. Each reminder must reach GreenMail exactly once, as one message
-- with its Message-ID, <booster-reminder.ID@securebase.test>:
--   curl -s localhost:8025/api/user/bench-dispatch-0@example.org/messages/ | jq -r '.[]."Message-ID"'
-- The rows stay; every run's clients are its own.
\set ON_ERROR_STOP on

begin;
-- Etc/GMT-N is UTC+N: the zone whose local time is now about 12:00.
select case when h > 0 then 'Etc/GMT-' || h when h < 0 then 'Etc/GMT+' || -h else 'Etc/GMT' end as zone
from (select 12 - extract(hour from now() at time zone 'UTC')::int as h) offset_hours \gset

create temporary table bench_client as
select gen_random_uuid() as client_id, i from generate_series(1, :count) as i;

insert into client_contact (client_id, clinic_id, preferred_name, email, phone, preferred_channel, language,
                            time_zone, updated_at)
select client_id, 'northside', 'Bench ' || :'run', 'bench-dispatch-' || (i % :mailboxes) || '@example.org', null, 'EMAIL',
       'en-GB', :'zone', now()
from bench_client;

insert into contact_consent (client_id, channel, granted, effective_at)
select client_id, 'EMAIL', true, now() from bench_client;

insert into booster_reminder (id, booster_id, lead_time, client_id, clinic_id, episode_id, appointment_at, send_at,
                              status, next_attempt_at, attempts, created_at)
select gen_random_uuid(), gen_random_uuid(), 'P7D', client_id, 'northside', gen_random_uuid(),
       now() + interval '7 days', now(), 'PENDING', now(), 0, now()
from bench_client;
commit;

-- Each statement of the loop reads what has been committed since (read committed).
do $$
declare
    pending int;
    deadline timestamptz := clock_timestamp() + interval '300 seconds';
begin
    loop
        select count(*) into pending from booster_reminder r join bench_client b using (client_id)
        where r.status = 'PENDING';
        exit when pending = 0 or clock_timestamp() > deadline;
        perform pg_sleep(0.2);
    end loop;
end $$;

select count(*) filter (where r.status = 'SENT') as sent,
       count(*) filter (where r.status <> 'SENT') as not_sent,
       round(extract(epoch from max(r.sent_at) - min(r.sent_at))::numeric, 2) as seconds,
       round(((count(*) filter (where r.status = 'SENT') - 1)
              / nullif(extract(epoch from max(r.sent_at) - min(r.sent_at)), 0))::numeric, 1) as per_second
from booster_reminder r join bench_client b using (client_id);
