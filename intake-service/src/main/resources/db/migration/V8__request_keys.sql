-- Idempotency-Key of registrations: a retry (after a timeout, a cut connection or a
-- 503 commit-outcome-unknown) finds its key here and is answered with the client the first
-- request registered instead of registering a second one. Keys are the caller's own.
create table request_key (
    caller_id       varchar(100) not null,
    idempotency_key varchar(200) not null,
    operation       varchar(40)  not null,
    fingerprint     varchar(64)  not null,
    resource_id     uuid         not null,
    created_at      timestamptz  not null,
    primary key (caller_id, idempotency_key)
);
create index request_key_created on request_key (created_at);
