-- Scale scores of the instruments given during an episode, and the intake's as its baseline.
-- Only scores here; the answers of an administration are kept apart (outcome_answers).
create table outcome_administration (
    id                 uuid primary key,
    episode_id         uuid         not null references episode (id),
    instrument         varchar(30)  not null,
    instrument_version int,
    source             varchar(10)  not null constraint outcome_source check (source in ('INTAKE', 'SESSION')),
    administered_by    varchar(100) not null,
    administered_at    timestamptz  not null
);
create index outcome_administration_episode on outcome_administration (episode_id, administered_at);

create table outcome_score (
    id                uuid primary key,
    administration_id uuid          not null references outcome_administration (id),
    episode_id        uuid          not null references episode (id),
    instrument        varchar(30)   not null,
    scale             varchar(40)   not null,
    value             numeric(8, 2) not null,
    band              varchar(60),
    administered_at   timestamptz   not null
);
create index outcome_score_episode on outcome_score (episode_id, instrument, scale, administered_at);

-- The item answers (clinical content): read by nobody but a re-scoring, never logged.
create table outcome_answers (
    administration_id uuid primary key references outcome_administration (id),
    answers           int[] not null
);

-- Everything that asks for a clinician's attention on the caseload, until a clinician clears it.
-- detail is coded (a level and source, an instrument and scale), never clinical text.
create table flag (
    id          uuid primary key,
    kind        varchar(20)  not null
        constraint flag_kind check (kind in ('RISK', 'DETERIORATION', 'MISSED_BOOSTER', 'WARNING_SIGN', 'OVERDUE_REFERRAL')),
    episode_id  uuid references episode (id),
    client_id   uuid         not null,
    clinic_id   varchar(50)  not null,
    source_ref  uuid,
    detail      varchar(200),
    raised_at   timestamptz  not null,
    cleared_at  timestamptz,
    cleared_by  varchar(100)
);
create index flag_open on flag (clinic_id, cleared_at);
create index flag_episode on flag (episode_id, raised_at);
create index flag_client on flag (client_id);

alter table booster add column recorded_at timestamptz;
alter table booster add column recorded_by varchar(100);
