-- A message to a member of staff (first: the on-call clinician told of a HIGH risk flag at intake).
-- recipient is the staff id (Keycloak username); null when there was nobody to tell (a SKIPPED row).
-- Unique per (kind, intake, recipient), nulls included, so the same flag announced again adds nothing.
create table staff_notice (
    id              uuid primary key,
    kind            varchar(30)  not null,
    intake_id       uuid         not null,
    recipient       varchar(100),
    clinic_id       varchar(50)  not null,
    client_id       uuid         not null,
    status          varchar(10)  not null,
    next_attempt_at timestamptz,
    attempts        integer      not null default 0,
    sent_at         timestamptz,
    reason          varchar(40),
    created_at      timestamptz  not null,
    constraint staff_notice_once unique nulls not distinct (kind, intake_id, recipient)
);
create index staff_notice_due on staff_notice (next_attempt_at) where status = 'PENDING';
create index staff_notice_client on staff_notice (client_id, created_at);
