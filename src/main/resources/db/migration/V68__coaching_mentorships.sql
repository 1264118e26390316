-- A newcomer's mentor, chosen by one of the newcomer's line managers for a stretch of time (90 days unless chosen
-- otherwise), with what the two are to work on. A newcomer has at most one mentorship running on any day: choosing
-- another mentor ends the running one the day before the new one starts.
create table coaching_mentorship (
  org_id      uuid not null,
  id          uuid not null,
  newcomer_id uuid not null,
  mentor_id   uuid not null,
  chosen_by   uuid not null,
  starts_on   date not null,
  ends_on     date not null,
  goals       text,
  reason      text,
  version     integer not null default 0,
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  updated_by  text,
  constraint coaching_mentorship_pk primary key (org_id, id),
  constraint coaching_mentorship_newcomer_fk foreign key (org_id, newcomer_id) references people_user (org_id, id),
  constraint coaching_mentorship_mentor_fk foreign key (org_id, mentor_id) references people_user (org_id, id),
  constraint coaching_mentorship_chosen_by_fk foreign key (org_id, chosen_by) references people_user (org_id, id),
  constraint coaching_mentorship_not_self_ck check (mentor_id <> newcomer_id),
  constraint coaching_mentorship_dates_ck check (ends_on > starts_on)
);
create index coaching_mentorship_newcomer_ix on coaching_mentorship (org_id, newcomer_id, starts_on);
create index coaching_mentorship_mentor_ix on coaching_mentorship (org_id, mentor_id, starts_on);
select platform_isolate_tenant('coaching_mentorship');
