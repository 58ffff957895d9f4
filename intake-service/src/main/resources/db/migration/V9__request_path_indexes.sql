-- Indexes for the request paths, so that their cost does not grow with the clients registered over
-- the years (RequestPathsUseIndexesTest loads 100,000 and checks).

-- pg_trgm ships with PostgreSQL (Debian's postgresql-15, CloudNativePG's images) and is a trusted
-- extension: the database owner creates it.
create extension if not exists pg_trgm;

-- The client search (q) matches anywhere in the names and the e-mail address: without these it read
-- every client of the clinic. A q of fewer than three characters has no trigram and still does.
create index client_legal_name_trgm on client using gin (lower(legal_name) gin_trgm_ops);
create index client_preferred_name_trgm on client using gin (lower(preferred_name) gin_trgm_ops);
create index client_email_trgm on client using gin (lower(email) gin_trgm_ops);

-- Caseload counts (clinician and status) from the index alone. The partial index it replaces served
-- only statements with the literal 'ASSIGNED', not a prepared statement's generic plan with status = $2.
create index client_caseload on client (clinician_id, status);
drop index client_clinician;
