-- Indexes for the request paths, so that their cost does not grow with the episodes of the years
-- (RequestPathsUseIndexesTest loads 100,000 and checks).

-- The caseload (a clinician's or the clinic's) reads the current episodes only; without this it read
-- every episode of the table. Queries must say phase <> 'DISCHARGED' literally for it to apply.
create index episode_current on episode (clinic_id, clinician_id) where phase <> 'DISCHARGED';

-- An episode's boosters: the caseload's next booster and the timeline read them by episode.
create index booster_episode on booster (episode_id, due_at);
