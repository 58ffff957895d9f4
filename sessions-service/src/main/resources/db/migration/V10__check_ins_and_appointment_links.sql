-- A clinician's schedule of check-ins the client fills in between sessions. One in force per episode;
-- ended ones are kept. next_due_at is the next check-in to fall due (null once none is left), so the
-- scheduler finds due work with one indexed query.
create table check_in_schedule (
    id                     uuid primary key,
    episode_id             uuid         not null references episode (id),
    client_id              uuid         not null,
    clinic_id              varchar(50)  not null,
    instruments            text[]       not null,
    frequency              varchar(20)  not null
        constraint check_in_schedule_frequency check (frequency in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY', 'DATES')),
    dates                  date[]       not null,
    until                  date         not null,
    include_warning_signs  boolean      not null,
    include_coping_tools   boolean      not null,
    diary_prompt           boolean      not null,
    warning_sign_threshold int          not null,
    anchor_at              timestamptz  not null,
    next_seq               int          not null,
    next_due_at            timestamptz,
    created_by             varchar(100) not null,
    created_at             timestamptz  not null,
    updated_by             varchar(100) not null,
    updated_at             timestamptz  not null,
    ended_at               timestamptz,
    ended_reason           varchar(20)
);
create unique index check_in_schedule_one_in_force on check_in_schedule (episode_id) where ended_at is null;
create index check_in_schedule_due on check_in_schedule (next_due_at) where ended_at is null;

-- One check-in that fell due. The link's credential is never stored: only SHA-256 of its nonce.
-- What the page asks (instruments, checklists, diary) is copied from the schedule when it falls due.
create table check_in (
    id                     uuid primary key,
    schedule_id            uuid         not null references check_in_schedule (id),
    episode_id             uuid         not null references episode (id),
    client_id              uuid         not null,
    clinic_id              varchar(50)  not null,
    plan_id                uuid references maintenance_plan (id),
    instruments            text[]       not null,
    include_warning_signs  boolean      not null,
    include_coping_tools   boolean      not null,
    diary_prompt           boolean      not null,
    warning_sign_threshold int          not null,
    status                 varchar(20)  not null
        constraint check_in_status check (status in ('DUE', 'SENT', 'ANSWERED', 'EXPIRED', 'CANCELLED')),
    due_at                 timestamptz  not null,
    expires_at             timestamptz  not null,
    sent_at                timestamptz,
    answered_at            timestamptz,
    link_hash              char(64)     not null constraint check_in_link unique,
    flags                  text[]       not null default '{}',
    constraint check_in_once unique (schedule_id, due_at)
);
create index check_in_episode on check_in (episode_id, due_at);
create index check_in_open on check_in (expires_at) where status in ('DUE', 'SENT');

-- What the client reported besides the instruments (clinical content, read access recorded, never
-- in events or logs): positions of the plan's warning signs and coping tools, and the diary.
create table check_in_answers (
    check_in_id   uuid primary key references check_in (id),
    warning_signs int[] not null,
    coping_tools  int[] not null,
    diary         text
);

alter table outcome_administration drop constraint outcome_source;
alter table outcome_administration add constraint outcome_source check (source in ('INTAKE', 'SESSION', 'CHECK_IN'));
alter table outcome_administration add column check_in_id uuid references check_in (id);

alter table flag drop constraint flag_kind;
alter table flag add constraint flag_kind
    check (kind in ('RISK', 'DETERIORATION', 'MISSED_BOOSTER', 'WARNING_SIGN', 'OVERDUE_REFERRAL', 'MISSED_CHECK_INS'));

-- The clinic's rules for check-ins. Defaults when the clinic never set them: links live 72 hours,
-- 3 missed in a row raise a flag, maintenance plans start no schedule, nobody on call.
alter table clinic_settings add column check_in_expiry_hours int not null default 72
    constraint clinic_settings_expiry check (check_in_expiry_hours between 1 and 336);
alter table clinic_settings add column missed_check_ins_flag int not null default 3
    constraint clinic_settings_missed check (missed_check_ins_flag between 1 and 20);
alter table clinic_settings add column maintenance_check_ins varchar(20)
    constraint clinic_settings_maintenance check (maintenance_check_ins in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY'));
alter table clinic_settings add column on_call_clinician_id varchar(100);

-- A scheduled session's link (confirm or ask to cancel): SHA-256 of its nonce, dead once used or
-- once the session starts; the client's answer; the video link of a telehealth session.
alter table therapy_session add column link_hash char(64) constraint therapy_session_link unique;
alter table therapy_session add column link_used_at timestamptz;
alter table therapy_session add column confirmation varchar(20) not null default 'NOT_CONFIRMED'
    constraint therapy_session_confirmation check (confirmation in ('NOT_CONFIRMED', 'CONFIRMED', 'CANCEL_REQUESTED'));
alter table therapy_session add column confirmation_at timestamptz;
alter table therapy_session add column video_link varchar(500);
