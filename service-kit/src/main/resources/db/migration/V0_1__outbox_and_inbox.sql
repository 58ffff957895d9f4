-- Shared by every service (shipped in service-kit): the transactional outbox and the consumer inbox.
create table outbox_event (
    id           uuid primary key,
    topic        varchar(100) not null,
    event_key    varchar(100) not null,
    type         varchar(100) not null,
    payload      text         not null,
    created_at   timestamptz  not null,
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (created_at, id) where published_at is null;

create table processed_event (
    event_id   uuid primary key,
    type       varchar(100) not null,
    handled_at timestamptz  not null
);
