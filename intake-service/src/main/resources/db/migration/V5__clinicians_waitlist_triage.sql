-- Clinicians' caseload limits (kept by clinic-admins), the clinics' waitlists, and triage overrides.
create table clinician (
    id             varchar(100) primary key,
    clinic_id      varchar(50)  not null,
    display_name   varchar(200) not null,
    caseload_limit integer      not null check (caseload_limit >= 0),
    on_call        boolean      not null default false,
    active         boolean      not null default true,
    updated_by     varchar(100) not null,
    updated_at     timestamptz  not null
);
create index clinician_clinic on clinician (clinic_id);

alter table intake alter column clinician_id drop not null;
alter table intake add column proposed_priority varchar(20);
update intake set proposed_priority = priority;
alter table intake alter column proposed_priority set not null;
alter table intake add column priority_override_reason varchar(1000);
alter table intake add column priority_overridden_by varchar(100);
alter table intake add column priority_overridden_at timestamptz;

create table waitlist_entry (
    client_id uuid primary key references client (id),
    intake_id uuid        not null references intake (id),
    clinic_id varchar(50) not null,
    priority  varchar(20) not null,
    added_at  timestamptz not null
);
create index waitlist_entry_clinic on waitlist_entry (clinic_id, added_at);
create index client_clinician on client (clinician_id) where status = 'ASSIGNED';
