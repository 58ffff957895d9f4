-- One message per check-in of an episode's schedule (sessions' check-in-due): the link goes to the
-- client once, with the rules of reminders. link is the check-in's token, a credential: kept only while
-- the message is pending and cleared when it is settled. expires_at is the link's: not sent after it.
create table check_in_message (
    id              uuid primary key,
    check_in_id     uuid         not null,
    episode_id      uuid         not null,
    client_id       uuid         not null,
    clinic_id       varchar(50)  not null,
    link            varchar(64),
    due_at          timestamptz  not null,
    expires_at      timestamptz  not null,
    status          varchar(10)  not null,
    next_attempt_at timestamptz,
    attempts        integer      not null default 0,
    channel         varchar(10),
    sent_at         timestamptz,
    reason          varchar(60),
    created_at      timestamptz  not null,
    traceparent     varchar(55),
    tracestate      varchar(512),
    constraint check_in_message_once unique (check_in_id)
);
create index check_in_message_due on check_in_message (next_attempt_at) where status = 'PENDING';
create index check_in_message_episode on check_in_message (episode_id) where status = 'PENDING';
create index check_in_message_client on check_in_message (client_id, due_at);

-- Reminders of scheduled sessions (sessions' appointment-scheduled), one per session, lead time and start:
-- a moved session gets new rows for its new start, and moving it back revives that start's rows.
create table appointment_reminder (
    id              uuid primary key,
    session_id      uuid         not null,
    lead_time       varchar(20)  not null,
    episode_id      uuid,
    client_id       uuid         not null,
    clinic_id       varchar(50)  not null,
    starts_at       timestamptz  not null,
    send_at         timestamptz  not null,
    link            varchar(64),
    video_link      varchar(500),
    status          varchar(10)  not null,
    next_attempt_at timestamptz,
    attempts        integer      not null default 0,
    channel         varchar(10),
    sent_at         timestamptz,
    reason          varchar(60),
    created_at      timestamptz  not null,
    traceparent     varchar(55),
    tracestate      varchar(512),
    constraint appointment_reminder_once unique (session_id, lead_time, starts_at)
);
create index appointment_reminder_due on appointment_reminder (next_attempt_at) where status = 'PENDING';
create index appointment_reminder_session on appointment_reminder (session_id) where status = 'PENDING';
create index appointment_reminder_client on appointment_reminder (client_id, send_at);

-- A clinic's lead times for session reminders, beside those of boosters; null: the service's default.
alter table clinic_settings add column appointment_lead_times varchar(200);

-- A check-in's risk answer reaches the on-call clinician like an intake's HIGH flag: the same metrics.
create index staff_notice_check_in_risk_pending on staff_notice (created_at)
    where status = 'PENDING' and kind = 'CHECK_IN_RISK';

-- The delivery log gains the two new client messages (never their links).
create or replace view delivery_log as
    select id, 'BOOSTER_REMINDER' as kind, clinic_id, client_id, booster_id as subject_id, channel,
           status, attempts, reason, send_at as due_at, next_attempt_at, sent_at, created_at
    from booster_reminder
    union all
    select id, 'PARTNER_NOTICE', clinic_id, client_id, referral_id, 'EMAIL',
           status, attempts, reason, created_at, next_attempt_at, sent_at, created_at
    from partner_notice
    union all
    select id, 'STAFF_' || kind, clinic_id, client_id, subject_id, channel,
           status, attempts, reason, created_at, next_attempt_at, sent_at, created_at
    from staff_notice
    union all
    select id, 'CHECK_IN', clinic_id, client_id, check_in_id, channel,
           status, attempts, reason, due_at, next_attempt_at, sent_at, created_at
    from check_in_message
    union all
    select id, 'APPOINTMENT_REMINDER', clinic_id, client_id, session_id, channel,
           status, attempts, reason, send_at, next_attempt_at, sent_at, created_at
    from appointment_reminder;
