-- Per-clinic reminder settings; a clinic without a row uses the service's defaults.
create table clinic_settings (
    clinic_id        varchar(50) primary key,
    lead_times       varchar(200) not null,
    quiet_start      time         not null,
    quiet_end        time         not null,
    default_language varchar(20)  not null,
    updated_at       timestamptz  not null,
    updated_by       varchar(100) not null
);

-- A client's consent to be contacted by a channel (intake's CONTACT_EMAIL / CONTACT_SMS), latest wins.
create table contact_consent (
    client_id    uuid        not null,
    channel      varchar(10) not null,
    granted      boolean     not null,
    effective_at timestamptz not null,
    primary key (client_id, channel)
);

-- A client followed an opt-out link: nothing more by that channel.
create table contact_opt_out (
    client_id    uuid        not null,
    channel      varchar(10) not null,
    clinic_id    varchar(50) not null,
    opted_out_at timestamptz not null,
    primary key (client_id, channel)
);

-- A moved booster gets new reminders for its new date: the key includes the appointment. Going
-- back to an earlier date revives the cancelled rows of that date (see ReminderService).
alter table booster_reminder drop constraint booster_reminder_once;
alter table booster_reminder add constraint booster_reminder_once unique (booster_id, lead_time, appointment_at);
alter table booster_reminder alter column reason type varchar(60);
create index booster_reminder_episode on booster_reminder (episode_id) where status = 'PENDING';

-- Staff notices grow beyond on-call: subject_id is what the notice is about (intake, booster,
-- referral, client or failed delivery), variant tells apart notices of one kind about one subject
-- (e.g. UNANSWERED / NOT_STARTED). channel EMAIL is mailed and shown in the inbox; PORTAL only shown.
alter table staff_notice add column subject_id uuid;
update staff_notice set subject_id = intake_id;
alter table staff_notice alter column subject_id set not null;
alter table staff_notice add column variant varchar(30) not null default '';
alter table staff_notice add column channel varchar(10) not null default 'EMAIL';
alter table staff_notice add column read_at timestamptz;
alter table staff_notice alter column intake_id drop not null;
alter table staff_notice alter column client_id drop not null;
alter table staff_notice alter column reason type varchar(60);
alter table staff_notice drop constraint staff_notice_once;
alter table staff_notice add constraint staff_notice_once unique nulls not distinct (kind, subject_id, variant, recipient);
create index staff_notice_inbox on staff_notice (recipient, created_at desc);

alter table partner_notice add column client_id uuid;
alter table partner_notice alter column reason type varchar(60);

-- One view of everything sent or to be sent, for the delivery log; never bodies or addresses.
create view delivery_log as
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
    from staff_notice;
