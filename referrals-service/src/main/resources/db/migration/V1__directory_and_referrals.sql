-- The community resource directory: partner organisations and the programs they run.
create table partner_organisation (
    id           varchar(50)  primary key,
    name         varchar(200) not null,
    notice_email varchar(254) not null,
    created_at   timestamptz  not null,
    updated_at   timestamptz  not null
);

create table program (
    id                  uuid primary key,
    organisation_id     varchar(50)  not null references partner_organisation (id),
    name                varchar(200) not null,
    kind                varchar(30)  not null,
    languages           text[]       not null default '{}',
    area                varchar(200),
    remote              boolean      not null,
    accepting_referrals boolean      not null,
    created_at          timestamptz  not null
);
create index program_kind on program (kind, name);
create index program_organisation on program (organisation_id);

-- A referral of a client to a partner's program. reason, hopes and shared_information are
-- clinical free text: they stay in this database and never travel in events.
create table referral (
    id                 uuid primary key,
    client_id          uuid         not null,
    clinic_id          varchar(50)  not null,
    program_id         uuid         not null references program (id),
    organisation_id    varchar(50)  not null references partner_organisation (id),
    reason             text         not null,
    hopes              text,
    urgency            varchar(10)  not null,
    respond_by         date         not null,
    shared_information text,
    status             varchar(20)  not null,
    last_step          integer      not null,
    created_by         varchar(100) not null,
    created_at         timestamptz  not null,
    updated_at         timestamptz  not null
);
create index referral_clinic on referral (clinic_id, created_at);
create index referral_organisation on referral (organisation_id, created_at);
create index referral_client on referral (client_id);

-- Every status a referral reached, in order; the last one is its current status.
create table referral_step (
    id          uuid primary key,
    referral_id uuid         not null references referral (id),
    seq         integer      not null,
    from_status varchar(20),
    status      varchar(20)  not null,
    party       varchar(10)  not null,
    by_id       varchar(100) not null,
    at          timestamptz  not null,
    note        text,
    unique (referral_id, seq)
);

-- Idempotency-Key of status updates: a retry finds its key here and is answered with the
-- outcome of the first request (the history up to result_seq) instead of being applied again.
create table referral_request_key (
    referral_id     uuid         not null references referral (id),
    idempotency_key varchar(200) not null,
    action          varchar(20)  not null,
    fingerprint     varchar(64)  not null,
    caller_id       varchar(100) not null,
    result_seq      integer      not null,
    created_at      timestamptz  not null,
    primary key (referral_id, idempotency_key)
);
create index referral_request_key_created on referral_request_key (created_at);
