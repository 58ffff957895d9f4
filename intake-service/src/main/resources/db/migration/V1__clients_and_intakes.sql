create table client (
    id                uuid primary key,
    clinic_id         varchar(50)  not null,
    legal_name        varchar(200) not null,
    preferred_name    varchar(200),
    pronouns          varchar(50),
    date_of_birth     date         not null,
    email             varchar(254),
    phone             varchar(40),
    preferred_channel varchar(10)  not null,
    language          varchar(10)  not null,
    time_zone         varchar(60)  not null,
    status            varchar(20)  not null,
    clinician_id      varchar(100),
    registered_by     varchar(100) not null,
    registered_at     timestamptz  not null
);
create index client_clinic on client (clinic_id, registered_at);

create table intake (
    id                  uuid primary key,
    client_id           uuid         not null references client (id),
    clinic_id           varchar(50)  not null,
    clinician_id        varchar(100) not null,
    modality            varchar(20)  not null,
    presenting_concerns text         not null,
    phq9_answers        varchar(40)  not null,
    phq9_total          integer      not null,
    phq9_band           varchar(30)  not null,
    risk_level          varchar(20)  not null,
    priority            varchar(20)  not null,
    completed_by        varchar(100) not null,
    completed_at        timestamptz  not null
);
create index intake_client on intake (client_id);
