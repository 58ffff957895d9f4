-- Years of a clinic network: 100,000 episodes at 42 clinics (half at northside, where clara holds one
-- in twenty), 3 % of them current and the rest discharged. Every current episode and every other
-- discharged one has its opening, an attended session and its note, and the intake's baseline score;
-- current ones a session booked and an open flag (their notes still drafts); some of them everything
-- else the timeline shows.
begin;

insert into practitioner (id, clinic_id, trainee, supervisor, supervisor_id, updated_by, updated_at)
values ('clara', 'northside', false, true, null, 'bulk', now());

insert into episode (id, client_id, intake_id, clinic_id, clinician_id, priority, risk_level, modality, phase,
                     opened_at, phase_changed_at, phase_changed_by)
select md5('episode' || i)::uuid, md5('bulk-client' || i)::uuid, md5('bulk-intake' || i)::uuid, b.clinic,
       case when b.clinic = 'northside' and (i / 100) % 20 = 0 then 'clara' else b.clinic || '-c' || (i / 100) % 20 end,
       'ROUTINE', 'LOW', 'INDIVIDUAL',
       case i % 97 when 0 then 'ASSESSMENT' when 1 then 'ACTIVE_TREATMENT' when 2 then 'MAINTENANCE' else 'DISCHARGED' end,
       b.opened, b.opened + interval '1 day', 'bulk'
from generate_series(1, 100000) i,
     lateral (select case when i % 10 < 5 then 'northside' when i % 10 = 5 then 'harbour'
                          else 'bulk-' || i % 40 end as clinic,
                     now() - (100000 - i) * interval '10 minutes' - interval '30 days' as opened) b;

insert into episode_phase_change (id, episode_id, from_phase, to_phase, changed_by, changed_at)
select gen_random_uuid(), e.id, null, 'ASSESSMENT', 'bulk', e.opened_at from episode e
where e.phase <> 'DISCHARGED' or abs(hashtext(e.id::text)) % 2 = 0;

insert into therapy_session (id, episode_id, client_id, clinic_id, clinician_id, status, modality, attendees,
                             telehealth, planned_start, length_minutes, created_by, created_at,
                             status_changed_by, status_changed_at)
select gen_random_uuid(), e.id, e.client_id, e.clinic_id, e.clinician_id, 'ATTENDED', 'INDIVIDUAL',
       '[]'::jsonb, false, e.opened_at + interval '7 days', 50, 'bulk', e.opened_at, 'bulk', e.opened_at + interval '7 days'
from episode e where e.phase <> 'DISCHARGED' or abs(hashtext(e.id::text)) % 2 = 0
union all
select gen_random_uuid(), e.id, e.client_id, e.clinic_id, e.clinician_id, 'SCHEDULED', 'INDIVIDUAL',
       '[]'::jsonb, false, now() + (abs(hashtext(e.id::text)) % 14 + 1) * interval '1 day', 50, 'bulk', now(), 'bulk', now()
from episode e where e.phase <> 'DISCHARGED';

insert into session_note (id, session_id, episode_id, client_id, clinic_id, author_id, format, content, status,
                          session_start, created_at, updated_at, signed_at, version)
select gen_random_uuid(), s.id, s.episode_id, s.client_id, s.clinic_id, s.clinician_id, 'DAP', '{}',
       case when e.phase = 'DISCHARGED' then 'SIGNED' else 'DRAFT' end, s.planned_start, s.planned_start,
       s.planned_start, case when e.phase = 'DISCHARGED' then s.planned_start end, 0
from therapy_session s join episode e on e.id = s.episode_id
where s.status = 'ATTENDED';

insert into outcome_administration (id, episode_id, instrument, instrument_version, source, administered_by,
                                    administered_at)
select gen_random_uuid(), e.id, 'PHQ-9', 1, 'INTAKE', 'bulk', e.opened_at from episode e
where e.phase <> 'DISCHARGED' or abs(hashtext(e.id::text)) % 2 = 0;

insert into outcome_score (id, administration_id, episode_id, instrument, scale, value, band, administered_at)
select gen_random_uuid(), a.id, a.episode_id, a.instrument, 'total', 12, 'moderate', a.administered_at
from outcome_administration a;

insert into flag (id, kind, episode_id, client_id, clinic_id, detail, raised_at, cleared_at, cleared_by)
select gen_random_uuid(),
       (array['RISK', 'DETERIORATION', 'WARNING_SIGN'])[abs(hashtext(e.id::text)) % 3 + 1],
       e.id, e.client_id, e.clinic_id, 'bulk', e.opened_at + interval '14 days',
       case when e.phase = 'DISCHARGED' then e.opened_at + interval '15 days' end,
       case when e.phase = 'DISCHARGED' then 'bulk' end
from episode e where e.phase <> 'DISCHARGED' or abs(hashtext(e.id::text)) % 5 = 0;

insert into risk_flag (id, client_id, clinic_id, intake_id, level, source, raised_at)
select gen_random_uuid(), e.client_id, e.clinic_id, e.intake_id, 'HIGH', 'PHQ-9', e.opened_at
from episode e where abs(hashtext(e.id::text)) % 20 = 0;

insert into maintenance_plan (id, episode_id, relapse_warning_signs, coping_tools, supports, created_by, created_at)
select gen_random_uuid(), e.id, '{}', '{}', '{}', 'bulk', e.opened_at + interval '20 days'
from episode e where e.phase = 'MAINTENANCE' or abs(hashtext(e.id::text)) % 10 = 3;

insert into booster (id, plan_id, episode_id, due_at, status, recorded_at, recorded_by)
select gen_random_uuid(), p.id, p.episode_id, p.created_at + n * interval '30 days',
       case when p.created_at + n * interval '30 days' < now() then 'ATTENDED' else 'SCHEDULED' end,
       case when p.created_at + n * interval '30 days' < now() then p.created_at + n * interval '30 days' end,
       case when p.created_at + n * interval '30 days' < now() then 'bulk' end
from maintenance_plan p, generate_series(1, 2) n;

insert into reminder_sent (reminder_id, booster_id, episode_id, client_id, channel, sent_at)
select gen_random_uuid(), b.id, b.episode_id, e.client_id, 'EMAIL', b.due_at - interval '1 day'
from booster b join episode e on e.id = b.episode_id where b.status = 'ATTENDED';

insert into referral_event (id, referral_id, episode_id, client_id, kind, organisation_id, urgency, status, by_staff, at)
select gen_random_uuid(), md5('referral' || e.id)::uuid, e.id, e.client_id, 'SENT',
       'riverside-family', 'ROUTINE', 'SENT', e.clinician_id, e.opened_at + interval '10 days'
from episode e where abs(hashtext(e.id::text)) % 10 = 5;

insert into treatment_plan_version (id, episode_id, version, content, changes, changed_by, changed_at)
select gen_random_uuid(), e.id, 1, '{}', '{}', 'bulk', e.opened_at + interval '8 days'
from episode e where e.phase <> 'DISCHARGED' or abs(hashtext(e.id::text)) % 3 = 0;

insert into safety_plan_version (id, client_id, clinic_id, version, content, changed_by, changed_at)
select gen_random_uuid(), e.client_id, e.clinic_id, 1, '{}', 'bulk', e.opened_at + interval '8 days'
from episode e where abs(hashtext(e.id::text)) % 10 = 7;
commit;
