-- Registration completes: who to call in an emergency, a minor's guardian, the coordinator's explicit
-- "not a duplicate" choice, and keys for finding possible duplicates across the network.
alter table client
    add column emergency_contact_name         varchar(200),
    add column emergency_contact_relationship varchar(100),
    add column emergency_contact_phone        varchar(40),
    add column minor_at_registration          boolean not null default false,
    add column guardian_name                  varchar(200),
    add column guardian_relationship          varchar(100),
    add column guardian_phone                 varchar(40),
    add column guardian_email                 varchar(254),
    add column not_duplicate_confirmed_by     varchar(100),
    add column not_duplicate_confirmed_at     timestamptz,
    add column email_key                      varchar(254),
    add column phone_key                      varchar(20),
    -- Set by triage; filters of the client list.
    add column waitlisted                     boolean default false,
    add column risk_level                     varchar(20);

-- Same rules as care.securebase.intake.matching.Contacts.
update client set email_key = nullif(lower(trim(email)), '');
update client set phone_key = case
    when length(regexp_replace(phone, '[^0-9]', '', 'g')) >= 6 then right(regexp_replace(phone, '[^0-9]', '', 'g'), 9)
    end;

create index client_date_of_birth on client (date_of_birth);
create index client_email_key on client (email_key);
create index client_phone_key on client (phone_key);
create index client_status on client (clinic_id, status);
