-- How a clinic writes its notes. A clinic without a row uses the defaults (DAP, overdue after 3 days).
create table clinic_settings (
    clinic_id         varchar(50) primary key,
    note_format       varchar(10)  not null constraint clinic_settings_format check (note_format in ('DAP', 'SOAP')),
    overdue_note_days int          not null constraint clinic_settings_days check (overdue_note_days between 1 and 60),
    updated_by        varchar(100) not null,
    updated_at        timestamptz  not null
);

-- Sessions' own record of a clinician's standing: trainees need a supervisor's co-signature, and
-- supervisors see their clinic's caseload. Keyed by the Keycloak username.
create table practitioner (
    id            varchar(100) primary key,
    clinic_id     varchar(50)  not null,
    trainee       boolean      not null,
    supervisor    boolean      not null,
    supervisor_id varchar(100) references practitioner (id),
    updated_by    varchar(100) not null,
    updated_at    timestamptz  not null,
    constraint practitioner_trainee_supervised check (not trainee or supervisor_id is not null)
);
create index practitioner_clinic on practitioner (clinic_id);
