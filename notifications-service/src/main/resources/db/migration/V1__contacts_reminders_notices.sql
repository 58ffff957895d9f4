-- What reminders need to reach a client, copied from intake-service's client-registered events.
create table client_contact (
    client_id         uuid primary key,
    clinic_id         varchar(50)  not null,
    preferred_name    varchar(200),
    email             varchar(254),
    phone             varchar(40),
    preferred_channel varchar(10)  not null,
    language          varchar(20),
    time_zone         varchar(60),
    updated_at        timestamptz  not null
);

-- One row per booster and lead time; the unique key makes a replanned or redelivered booster a no-op.
-- next_attempt_at is set while the row is PENDING and cleared once it is settled.
create table booster_reminder (
    id              uuid primary key,
    booster_id      uuid         not null,
    lead_time       varchar(20)  not null,
    client_id       uuid         not null,
    clinic_id       varchar(50)  not null,
    episode_id      uuid,
    appointment_at  timestamptz  not null,
    send_at         timestamptz  not null,
    status          varchar(10)  not null,
    next_attempt_at timestamptz,
    attempts        integer      not null default 0,
    channel         varchar(10),
    sent_at         timestamptz,
    reason          varchar(40),
    created_at      timestamptz  not null,
    constraint booster_reminder_once unique (booster_id, lead_time)
);
create index booster_reminder_due on booster_reminder (next_attempt_at) where status = 'PENDING';
create index booster_reminder_client on booster_reminder (client_id, send_at);

-- A partner organisation is told that a referral awaits it; the referral itself stays in referrals-service.
create table partner_notice (
    id              uuid primary key,
    referral_id     uuid         not null unique,
    clinic_id       varchar(50)  not null,
    organisation_id varchar(100) not null,
    notice_email    varchar(254),
    status          varchar(10)  not null,
    next_attempt_at timestamptz,
    attempts        integer      not null default 0,
    sent_at         timestamptz,
    reason          varchar(40),
    created_at      timestamptz  not null
);
create index partner_notice_due on partner_notice (next_attempt_at) where status = 'PENDING';
create index partner_notice_created on partner_notice (created_at);
