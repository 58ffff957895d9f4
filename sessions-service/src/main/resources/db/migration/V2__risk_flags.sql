-- Risk flags raised at intake, kept per client: they may arrive before the episode opens (a client
-- flagged while waiting for a place) and stay visible on every episode of that client.
create table risk_flag (
    id        uuid primary key,
    client_id uuid        not null,
    clinic_id varchar(50) not null,
    intake_id uuid        not null,
    level     varchar(20) not null,
    source    varchar(40) not null,
    raised_at timestamptz not null,
    unique (intake_id, source)
);
create index risk_flag_client on risk_flag (client_id, raised_at);
