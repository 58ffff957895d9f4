-- Years of a clinic network's referrals: 100,000 at 42 clinics (half from northside) to 50 partner
-- organisations (a fifth to riverside-family), 3 % still open and 1 % drafts, the rest closed; each
-- with its steps, the client's consent and contact as intake announced them, and the last weeks'
-- request keys of status updates.
begin;
insert into partner_organisation (id, name, notice_email, created_at, updated_at)
select o, 'Bulk ' || o, 'referrals@' || o || '.example.org', now(), now()
from (select unnest(array['riverside-family', 'oak-community']) as o
      union all select 'bulk-org-' || n from generate_series(0, 47) n) orgs
on conflict (id) do nothing;

insert into program (id, organisation_id, name, kind, area, accepting_referrals, created_at, updated_at)
select md5('program' || o.id || k)::uuid, o.id, 'Bulk program ' || k,
       (array['SOCIAL_WORK', 'SUPPORT_GROUP', 'PARENTING_PROGRAM', 'PRIMARY_CARE', 'SCHOOL', 'HOUSING',
              'CRISIS_SERVICE'])[k % 7 + 1], 'Riverside', true, now(), now()
from partner_organisation o, generate_series(0, 9) k;

insert into referral (id, client_id, clinic_id, program_id, organisation_id, reason, urgency, respond_by, status,
                      last_step, created_by, created_at, updated_at, program_kind, referred_by)
select md5('referral' || i)::uuid, md5('client' || i)::uuid, b.clinic, p.id, p.organisation_id, 'Bulk reason',
       'ROUTINE', (b.created + interval '14 days')::date, b.status,
       case b.status when 'DRAFT' then 1 when 'SENT' then 1 when 'ACCEPTED' then 2 when 'IN_PROGRESS' then 2 else 2 end,
       'bulk', b.created, b.created + interval '1 day', p.kind, case when b.status <> 'DRAFT' then 'bulk' end
from generate_series(1, 100000) i,
     lateral (select case when i % 10 < 5 then 'northside' when i % 10 = 5 then 'harbour'
                          else 'bulk-' || i % 40 end as clinic,
                     case i % 97 when 0 then 'SENT' when 1 then 'ACCEPTED' when 2 then 'IN_PROGRESS' when 3 then 'DRAFT'
                          else (array['COMPLETED', 'DECLINED', 'CANCELLED', 'EXPIRED'])[i % 4 + 1] end as status,
                     now() - (100000 - i) * interval '10 minutes' as created) b,
     lateral (select id, organisation_id, kind from program
              where id = md5('program' || case i % 5 when 0 then 'riverside-family' when 1 then 'oak-community'
                                                      else 'bulk-org-' || i % 48 end || i % 10)::uuid) p;

insert into referral_step (id, referral_id, seq, from_status, status, party, by_id, at)
select gen_random_uuid(), r.id, 1, null, case when r.status = 'DRAFT' then 'DRAFT' else 'SENT' end, 'CLINIC', 'bulk',
       r.created_at
from referral r
union all
select gen_random_uuid(), r.id, 2, 'SENT', r.status,
       case when r.status = 'CANCELLED' then 'CLINIC' when r.status = 'EXPIRED' then 'SYSTEM' else 'PARTNER' end,
       'bulk', r.updated_at
from referral r where r.last_step = 2;

insert into client_consent (client_id, scope, clinic_id, consent_id, granted, effective_at, updated_at)
select r.client_id, 'SHARE_' || r.program_kind, r.clinic_id, gen_random_uuid(), true, r.created_at, r.created_at
from referral r;

insert into client_contact (client_id, clinic_id, preferred_name, email, phone, language, updated_at)
select r.client_id, r.clinic_id, 'Bulk', 'bulk@bulk.example.org', '+44 7700 900000', 'en', r.created_at
from referral r;

insert into referral_request_key (referral_id, idempotency_key, action, fingerprint, caller_id, result_seq, created_at)
select r.id, 'key-' || r.id, 'ACCEPTED', md5(r.id::text), 'bulk', 2, now()
from referral r where r.status not in ('DRAFT', 'SENT') and abs(hashtext(r.id::text)) % 4 = 0;
commit;
