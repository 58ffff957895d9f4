-- Indexes for the request paths, so that their cost does not grow with the referrals of the years
-- (RequestPathsUseIndexesTest loads 100,000 and checks).

-- A clinic's referrals in a status (the board's open ones, the list filtered by status) and an
-- organisation's (the partner's inbox filtered by status), newest first: without these the board read
-- every open referral of the network, and a filtered inbox went back through all the partner's years.
create index referral_clinic_status on referral (clinic_id, status, created_at);
create index referral_organisation_status on referral (organisation_id, status, created_at);
