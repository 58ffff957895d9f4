-- Whether a client waits is their status (WAITLISTED), set by triage; the flag column duplicated it.
alter table client drop column waitlisted;
