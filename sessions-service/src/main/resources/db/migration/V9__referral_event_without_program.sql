-- The program a client was referred to can reveal a clinical need, and referral-sent v3 no longer carries
-- it: the timeline names it from referrals-service, with the user's own token.
alter table referral_event drop column program_name, drop column program_kind;
