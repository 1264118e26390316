-- Growth plans: about 180 days of development for one person, on their own or after a review (review_id keeps the
-- review's id; reviews are another part of coaching, so no foreign key here). Goals with milestones and dates, the
-- support each goal needs (the manager, a peer, or a department: a team of a partner kind), check-ins with progress.
-- A goal is on track, at risk or done; the plan's status follows from its goals.

-- user_id is the person the plan is for.
create table coaching_growth_plan (
  org_id      uuid not null,
  id          uuid not null,
  user_id   uuid not null,
  author_id   uuid not null,
  review_id   uuid,
  title       text not null,
  starts_on   date not null,
  ends_on     date not null,
  created_at  timestamptz not null,
  updated_at  timestamptz not null,
  version     integer not null default 0,
  constraint coaching_growth_plan_pk primary key (org_id, id),
  constraint coaching_growth_plan_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint coaching_growth_plan_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_growth_plan_period_ck check (ends_on > starts_on),
  constraint coaching_growth_plan_title_ck check (length(trim(title)) between 1 and 200)
);
create index coaching_growth_plan_user_idx on coaching_growth_plan (org_id, user_id);
select platform_isolate_tenant('coaching_growth_plan');

create table coaching_growth_goal (
  org_id             uuid not null,
  id                 uuid not null,
  plan_id            uuid not null,
  position           integer not null,
  title              text not null,
  support            text not null,
  support_person_id  uuid,
  support_team_id    uuid,
  due_on             date,
  status             text not null default 'ON_TRACK',
  updated_at         timestamptz not null,
  version            integer not null default 0,
  constraint coaching_growth_goal_pk primary key (org_id, id),
  constraint coaching_growth_goal_plan_fk foreign key (org_id, plan_id) references coaching_growth_plan (org_id, id) on delete cascade,
  constraint coaching_growth_goal_person_fk foreign key (org_id, support_person_id) references people_user (org_id, id),
  constraint coaching_growth_goal_team_fk foreign key (org_id, support_team_id) references people_team (org_id, id),
  constraint coaching_growth_goal_title_ck check (length(trim(title)) between 1 and 200),
  constraint coaching_growth_goal_status_ck check (status in ('ON_TRACK', 'AT_RISK', 'DONE')),
  constraint coaching_growth_goal_support_ck check (
    (support = 'NONE' and support_person_id is null and support_team_id is null)
    or (support = 'MANAGER' and support_person_id is null and support_team_id is null)
    or (support = 'PEER' and support_person_id is not null and support_team_id is null)
    or (support = 'DEPARTMENT' and support_person_id is null and support_team_id is not null))
);
create index coaching_growth_goal_plan_idx on coaching_growth_goal (org_id, plan_id, position);
select platform_isolate_tenant('coaching_growth_goal');

create table coaching_growth_milestone (
  org_id      uuid not null,
  id          uuid not null,
  goal_id     uuid not null,
  title       text not null,
  due_on      date not null,
  done_on     date,
  constraint coaching_growth_milestone_pk primary key (org_id, id),
  constraint coaching_growth_milestone_goal_fk foreign key (org_id, goal_id) references coaching_growth_goal (org_id, id) on delete cascade,
  constraint coaching_growth_milestone_title_ck check (length(trim(title)) between 1 and 200)
);
create index coaching_growth_milestone_goal_idx on coaching_growth_milestone (org_id, goal_id, due_on);
select platform_isolate_tenant('coaching_growth_milestone');

create table coaching_growth_check_in (
  org_id      uuid not null,
  id          uuid not null,
  plan_id     uuid not null,
  author_id   uuid not null,
  held_on     date not null,
  note        text not null,
  created_at  timestamptz not null,
  constraint coaching_growth_check_in_pk primary key (org_id, id),
  constraint coaching_growth_check_in_plan_fk foreign key (org_id, plan_id) references coaching_growth_plan (org_id, id) on delete cascade,
  constraint coaching_growth_check_in_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_growth_check_in_note_ck check (length(trim(note)) between 1 and 2000)
);
create index coaching_growth_check_in_plan_idx on coaching_growth_check_in (org_id, plan_id, held_on);
select platform_isolate_tenant('coaching_growth_check_in');
