-- Years of a clinic network: 100,000 clients at 42 clinics (half at northside), each with an intake
-- and a consent unless just registered; 2 % assigned now or waiting (none waits at northside, where
-- clara has room), 1 % registered, the rest discharged; and the last weeks' registration keys.
-- Clinicians carry up to 50 clients each and, but for clara, have no room left.
begin;
-- The trigram indexes take the rows into their pending list and merge it once, at the VACUUM after
-- the load, instead of every 4 MB on the way.
set local gin_pending_list_limit = '128MB';
insert into clinician (id, clinic_id, display_name, caseload_limit, on_call, active, updated_by, updated_at)
select c.clinic || '-c' || k, c.clinic, 'Bulk Clinician', 0, k = 0, true, 'bulk', now()
from (select 'northside' as clinic union all select 'harbour'
      union all select 'bulk-' || n from generate_series(0, 39) n) c,
     generate_series(0, 19) k;

insert into client (id, clinic_id, legal_name, preferred_name, date_of_birth, email, phone, email_key, phone_key,
                    preferred_channel, language, time_zone, status, clinician_id, risk_level,
                    registered_by, registered_at)
select md5('client' || i)::uuid, b.clinic,
       'Bulk ' || substr(md5('given' || i), 1, 7) || ' ' || substr(md5('family' || i), 1, 9),
       'Bulk ' || substr(md5('given' || i), 1, 7),
       date '1950-01-01' + (i * 7919) % 20000,
       'bulk.' || i || '@bulk.example.org', '+44 7700 ' || lpad(i::text, 6, '0'),
       'bulk.' || i || '@bulk.example.org', right('447700' || lpad(i::text, 6, '0'), 9),
       'EMAIL', 'en', 'Europe/London',
       b.status, case when b.status in ('ASSIGNED', 'DISCHARGED') then b.clinic || '-c' || (i / 100) % 20 end,
       case when b.status <> 'REGISTERED' then (array['LOW', 'MODERATE', 'HIGH'])[i % 3 + 1] end,
       'bulk', now() - (100000 - i) * interval '10 minutes'
from generate_series(1, 100000) i,
     lateral (select case when i % 10 < 5 then 'northside' when i % 10 = 5 then 'harbour'
                          else 'bulk-' || i % 40 end as clinic) c,
     lateral (select c.clinic, case i % 97 when 0 then 'ASSIGNED'
                                           when 1 then case when c.clinic = 'northside' then 'ASSIGNED' else 'WAITLISTED' end
                                           when 2 then 'REGISTERED' else 'DISCHARGED' end as status) b;

insert into intake (id, client_id, clinic_id, clinician_id, modality, presenting_concerns, risk_level, priority,
                    proposed_priority, completed_by, completed_at)
select md5('intake' || c.id)::uuid, c.id, c.clinic_id, c.clinician_id, 'INDIVIDUAL', 'Bulk intake',
       coalesce(c.risk_level, 'LOW'), 'ROUTINE', 'ROUTINE', 'bulk', c.registered_at + interval '1 day'
from client c
where c.status <> 'REGISTERED';

insert into intake_instrument (intake_id, code, version, answers, scores)
select i.id, 'PHQ-9', 1, '1,1,1,1,1,1,1,0,0',
       '[{"scale": "total", "value": 7, "band": "mild"}]'::jsonb
from intake i;

insert into consent (id, client_id, clinic_id, scope, granted, recorded_for, recorded_by, recorded_at, form_version)
select md5('consent' || c.id)::uuid, c.id, c.clinic_id, 'TREATMENT', true, 'CLIENT', 'bulk', c.registered_at, 'bulk-1'
from client c;

insert into waitlist_entry (client_id, intake_id, clinic_id, priority, added_at)
select i.client_id, i.id, i.clinic_id, 'ROUTINE', i.completed_at
from intake i join client c on c.id = i.client_id
where c.status = 'WAITLISTED';

insert into request_key (caller_id, idempotency_key, operation, fingerprint, resource_id, created_at)
select 'bulk', 'key-' || i, 'register-client', md5('bulk' || i), md5('client' || i)::uuid, now()
from generate_series(1, 20000) i;

-- Full caseloads: every clinician's limit is what they carry now; clara is new and has room.
update clinician k set caseload_limit = (select count(*) from client c
                                         where c.clinician_id = k.id and c.status = 'ASSIGNED');
insert into clinician (id, clinic_id, display_name, caseload_limit, on_call, active, updated_by, updated_at)
values ('clara', 'northside', 'Clara', 200, false, true, 'bulk', now());
commit;
