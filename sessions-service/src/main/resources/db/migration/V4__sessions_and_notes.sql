-- A therapy session of an episode: when, how long, how (telehealth or in person), who came.
create table therapy_session (
    id                uuid primary key,
    episode_id        uuid         not null references episode (id),
    client_id         uuid         not null,
    clinic_id         varchar(50)  not null,
    clinician_id      varchar(100) not null,
    status            varchar(20)  not null
        constraint therapy_session_status check (status in ('SCHEDULED', 'ATTENDED', 'CANCELLED', 'NO_SHOW')),
    modality          varchar(20)  not null,
    attendees         jsonb        not null,
    telehealth        boolean      not null,
    planned_start     timestamptz  not null,
    length_minutes    int          not null,
    created_by        varchar(100) not null,
    created_at        timestamptz  not null,
    status_changed_by varchar(100) not null,
    status_changed_at timestamptz  not null
);
create index therapy_session_episode on therapy_session (episode_id, planned_start);
create index therapy_session_next on therapy_session (clinic_id, status, planned_start);

-- The note of a session (one at most). Its content is clinical: it stays in this table, never in
-- events or logs. session_start is copied from the session for the overdue rule.
create table session_note (
    id            uuid primary key,
    session_id    uuid         not null constraint session_note_one_per_session unique references therapy_session (id),
    episode_id    uuid         not null references episode (id),
    client_id     uuid         not null,
    clinic_id     varchar(50)  not null,
    author_id     varchar(100) not null,
    format        varchar(10)  not null,
    content       jsonb        not null,
    status        varchar(20)  not null
        constraint session_note_status check (status in ('DRAFT', 'AWAITING_COSIGN', 'SIGNED')),
    session_start timestamptz  not null,
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null,
    signed_at     timestamptz,
    cosigned_by   varchar(100),
    cosigned_at   timestamptz,
    version       bigint       not null
);
create index session_note_episode on session_note (episode_id);
create index session_note_drafts on session_note (clinic_id, status, session_start);

-- Corrections and additions to a signed note, each with its own author and time.
create table note_addendum (
    id         uuid primary key,
    note_id    uuid         not null references session_note (id),
    author_id  varchar(100) not null,
    created_at timestamptz  not null,
    text       text         not null
);
create index note_addendum_note on note_addendum (note_id, created_at);

-- Who read which clinical record of which client, when: notes, and the safety plan.
create table note_access (
    id          uuid primary key,
    record_kind varchar(20)  not null,
    record_id   uuid         not null,
    client_id   uuid         not null,
    clinic_id   varchar(50)  not null,
    staff_id    varchar(100) not null,
    accessed_at timestamptz  not null
);
create index note_access_clinic on note_access (clinic_id, accessed_at);
create index note_access_record on note_access (record_id);
