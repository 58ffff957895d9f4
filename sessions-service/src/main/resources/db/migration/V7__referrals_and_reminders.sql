-- What the timeline shows of other services' work on a client's episode: referrals and their
-- status changes (coded, from referral events) and booster reminders sent.
create table referral_event (
    id              uuid primary key,
    referral_id     uuid         not null,
    episode_id      uuid         not null references episode (id),
    client_id       uuid         not null,
    kind            varchar(20)  not null constraint referral_event_kind check (kind in ('SENT', 'STATUS_CHANGED', 'OVERDUE')),
    organisation_id varchar(100),
    program_name    varchar(200),
    program_kind    varchar(50),
    urgency         varchar(20),
    status          varchar(30),
    code            varchar(50),
    by_staff        varchar(100),
    at              timestamptz  not null
);
create index referral_event_episode on referral_event (episode_id, at);
create index referral_event_referral on referral_event (referral_id);

create table reminder_sent (
    reminder_id uuid primary key,
    booster_id  uuid,
    episode_id  uuid        not null references episode (id),
    client_id   uuid        not null,
    channel     varchar(20),
    sent_at     timestamptz not null
);
create index reminder_sent_episode on reminder_sent (episode_id, sent_at);
