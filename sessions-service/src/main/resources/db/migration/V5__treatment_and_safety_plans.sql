-- The treatment plan of an episode, one row per version: a review writes a new version, never an
-- edit. changes lists what changed in field terms only (no plan text) for the review record.
create table treatment_plan_version (
    id         uuid primary key,
    episode_id uuid         not null references episode (id),
    version    int          not null,
    content    jsonb        not null,
    changes    text[]       not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null,
    constraint treatment_plan_version_unique unique (episode_id, version)
);

-- A client's safety plan, one row per version. Kept per client (not per episode) so a new episode
-- starts from the plan the client already has.
create table safety_plan_version (
    id         uuid primary key,
    client_id  uuid         not null,
    clinic_id  varchar(50)  not null,
    version    int          not null,
    content    jsonb        not null,
    changed_by varchar(100) not null,
    changed_at timestamptz  not null,
    constraint safety_plan_version_unique unique (client_id, version)
);
