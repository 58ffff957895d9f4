-- The directory in full: what a program offers, to whom, how, and whether there is room.
alter table program
    add column description     text,
    add column services        text[]       not null default '{}',
    add column min_age         integer,
    add column max_age         integer,
    add column attendees       text[]       not null default '{CLIENT}',
    add column delivery        varchar(10)  not null default 'IN_PERSON',
    add column contact_name    varchar(200),
    add column contact_email   varchar(254),
    add column contact_phone   varchar(40),
    add column places          integer,
    add column waitlist_weeks  integer,
    add column updated_at      timestamptz,
    add column updated_by      varchar(100);
update program set delivery = case when remote then 'REMOTE' else 'IN_PERSON' end, updated_at = created_at;
alter table program alter column updated_at set not null;
alter table program drop column remote;
alter table program add constraint program_age_range check (min_age is null or max_age is null or min_age <= max_age);

-- What a client consented to share, per scope (SHARE_SOCIAL_WORK ...), as intake last announced it.
-- effective_at orders announcements that arrive out of order: an older one never overwrites a newer.
create table client_consent (
    client_id    uuid        not null,
    scope        varchar(40) not null,
    clinic_id    varchar(50) not null,
    consent_id   uuid        not null,
    granted      boolean     not null,
    effective_at timestamptz not null,
    updated_at   timestamptz not null,
    primary key (client_id, scope)
);

-- The little about a client a partner may be shown, if the coordinator chooses to share it.
create table client_contact (
    client_id      uuid primary key,
    clinic_id      varchar(50)  not null,
    preferred_name varchar(200),
    email          varchar(254),
    phone          varchar(40),
    language       varchar(20),
    updated_at     timestamptz  not null
);

-- Referrals: the kind of partner (whose consent scope applies) is fixed when the referral is made;
-- what is shared is chosen item by item (the free-text note always travels), and the client's
-- details are copied when it is sent, so the partner keeps seeing what was sent, nothing newer.
alter table referral
    add column program_kind           varchar(30),
    add column shared_items           text[]       not null default '{REASON,HOPES}',
    add column shared_name            varchar(200),
    add column shared_email           varchar(254),
    add column shared_phone           varchar(40),
    add column shared_language        varchar(20),
    add column referred_by            varchar(100),
    add column scheduled_for          date,
    add column unanswered_notified_at timestamptz,
    add column not_started_notified_at timestamptz;
update referral r set program_kind = p.kind from program p where p.id = r.program_id;
update referral set referred_by = created_by where status <> 'DRAFT';
alter table referral alter column program_kind set not null;
create index referral_client_kind on referral (client_id, program_kind);
create index referral_open on referral (status, respond_by);

-- A step's coded reason (decline, cancellation) or outcome (completion), and a scheduled date.
alter table referral_step
    add column code          varchar(30),
    add column scheduled_for date;
