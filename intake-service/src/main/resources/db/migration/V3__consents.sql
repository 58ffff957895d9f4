-- What a client (or a minor's guardian) agreed to, on which form; a newer record for a scope
-- supersedes the older one, and a revocation is recorded beside the consent it ends.
create table consent (
    id              uuid primary key,
    client_id       uuid         not null references client (id),
    clinic_id       varchar(50)  not null,
    scope           varchar(40)  not null,
    granted         boolean      not null,
    recorded_for    varchar(10)  not null,
    recorded_by     varchar(100) not null,
    recorded_at     timestamptz  not null,
    form_version    varchar(50)  not null,
    superseded_by   uuid references consent (id) deferrable initially deferred,
    superseded_at   timestamptz,
    revoked_at      timestamptz,
    revoked_by      varchar(100),
    revoke_reason   varchar(1000)
);
create index consent_client on consent (client_id, scope, recorded_at);
-- At most one consent in force per client and scope.
create unique index consent_current on consent (client_id, scope) where superseded_at is null and revoked_at is null;
