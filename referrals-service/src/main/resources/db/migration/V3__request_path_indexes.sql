-- Indexes for the request paths, so that their cost does not grow with the referrals of the years
-- (RequestPathsUseIndexesTest loads 100,000 and checks).

-- A clinic's and an organisation's referrals in one status, newest first (the list filtered by status,
-- the partner's inbox of what awaits it): without these a rare status took the page through all of the
-- clinic's or the partner's referrals.
create index referral_clinic_status on referral (clinic_id, status, created_at);
create index referral_organisation_status on referral (organisation_id, status, created_at);
