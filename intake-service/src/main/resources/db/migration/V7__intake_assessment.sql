-- The intake assessment in full: any number of instruments with their answers and scores, and the
-- relational picture around the presenting concerns. PHQ-9's own columns move into the new table.
create table intake_instrument (
    id        uuid primary key default gen_random_uuid(),
    intake_id uuid        not null references intake (id),
    code      varchar(40) not null,
    version   integer     not null,
    answers   varchar(400) not null,
    scores    jsonb       not null,
    unique (intake_id, code)
);
insert into intake_instrument (intake_id, code, version, answers, scores)
select id, 'PHQ-9', 1, phq9_answers,
       jsonb_build_array(jsonb_build_object('scale', 'total', 'value', phq9_total, 'band', phq9_band))
from intake;
alter table intake drop column phq9_answers;
alter table intake drop column phq9_total;
alter table intake drop column phq9_band;

alter table intake add column attendees           jsonb;
alter table intake add column relational_themes   jsonb;
alter table intake add column relational_history  text;
alter table intake add column triggers            jsonb;
alter table intake add column bodily_responses    jsonb;
alter table intake add column current_functioning text;
alter table intake add column risk_source         varchar(40);
