-- An episode of care, opened once per completed intake.
create table episode (
    id               uuid primary key,
    client_id        uuid         not null,
    -- One intake opens one episode, however often its event is delivered.
    intake_id        uuid         not null constraint episode_intake_unique unique,
    clinic_id        varchar(50)  not null,
    clinician_id     varchar(100) not null,
    priority         varchar(20),
    risk_level       varchar(20),
    modality         varchar(20),
    phase            varchar(20)  not null
        constraint episode_phase_known check (phase in ('ASSESSMENT', 'ACTIVE_TREATMENT', 'MAINTENANCE', 'DISCHARGED')),
    opened_at        timestamptz  not null,
    phase_changed_at timestamptz  not null,
    phase_changed_by varchar(100) not null
);
create index episode_clinic on episode (clinic_id, opened_at);
create index episode_client on episode (client_id);

-- Every move of an episode's phase, with the clinician's reason (clinical text: never in events).
create table episode_phase_change (
    id          uuid primary key,
    episode_id  uuid         not null references episode (id),
    from_phase  varchar(20),
    to_phase    varchar(20)  not null,
    reason      text,
    changed_by  varchar(100) not null,
    changed_at  timestamptz  not null
);
create index episode_phase_change_episode on episode_phase_change (episode_id, changed_at);

-- The relapse-prevention plan agreed when active treatment ends. An episode that relapses and
-- returns to maintenance gets a new plan; the old one is kept, ended.
create table maintenance_plan (
    id                    uuid primary key,
    episode_id            uuid         not null references episode (id),
    relapse_warning_signs text[]       not null,
    coping_tools          text[]       not null,
    supports              text[]       not null,
    created_by            varchar(100) not null,
    created_at            timestamptz  not null,
    ended_at              timestamptz
);
create index maintenance_plan_episode on maintenance_plan (episode_id, created_at);
create unique index maintenance_plan_current on maintenance_plan (episode_id) where ended_at is null;

-- A booster session of a plan.
create table booster (
    id         uuid primary key,
    plan_id    uuid        not null references maintenance_plan (id),
    episode_id uuid        not null references episode (id),
    due_at     timestamptz not null,
    status     varchar(20) not null
);
create index booster_plan on booster (plan_id, due_at);
