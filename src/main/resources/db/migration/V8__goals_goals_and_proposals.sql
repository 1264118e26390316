-- Goals for a person or a team, per fiscal month, quarter or year, agreed between the one who owns the
-- goal and their manager: every proposal, counter-proposal, acceptance or direct setting is a row.

create table goals_goal (
  org_id          uuid not null,
  id              uuid not null,
  user_id         uuid,
  team_id         uuid,
  metric          text not null,
  -- For the ACTIVITIES metric: which activity types count, as a sorted comma-separated list ('' for all).
  activity_types  text not null default '',
  period_kind     text not null,
  period_start    date not null,
  period_end      date not null,
  target          numeric(18, 2) not null,
  agreed_target   numeric(18, 2),
  status          text not null,
  set_by_manager  boolean not null default false,
  created_at      timestamptz not null default now(),
  updated_at      timestamptz not null default now(),
  updated_by      text,
  version         int not null default 0,
  constraint goals_goal_pk primary key (org_id, id),
  constraint goals_goal_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint goals_goal_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint goals_goal_scope_ck check ((user_id is null) <> (team_id is null)),
  constraint goals_goal_metric_ck check (metric in ('WON_REVENUE', 'WON_DEALS', 'NEW_PIPELINE', 'ACTIVITIES', 'MEETINGS_HELD',
    'LEADS_QUALIFIED', 'NEW_ACCOUNTS')),
  constraint goals_goal_period_ck check (period_kind in ('MONTH', 'QUARTER', 'YEAR') and period_end > period_start),
  constraint goals_goal_target_ck check (target > 0 and (agreed_target is null or agreed_target > 0)),
  constraint goals_goal_status_ck check (status in ('AWAITING_MANAGER', 'AWAITING_OWNER', 'AGREED'))
);
create unique index goals_goal_user_uq on goals_goal (org_id, user_id, metric, activity_types, period_kind, period_start)
  where user_id is not null;
create unique index goals_goal_team_uq on goals_goal (org_id, team_id, metric, activity_types, period_kind, period_start)
  where team_id is not null;
create index goals_goal_period_idx on goals_goal (org_id, period_start, period_kind);

create table goals_proposal (
  org_id     uuid not null,
  id         uuid not null,
  goal_id    uuid not null,
  author_id  uuid not null,
  kind       text not null,
  target     numeric(18, 2) not null,
  note       text,
  created_at timestamptz not null default now(),
  constraint goals_proposal_pk primary key (org_id, id),
  constraint goals_proposal_goal_fk foreign key (org_id, goal_id) references goals_goal (org_id, id) on delete cascade,
  constraint goals_proposal_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint goals_proposal_kind_ck check (kind in ('PROPOSED', 'COUNTERED', 'ACCEPTED', 'SET', 'COPIED'))
);
create index goals_proposal_goal_idx on goals_proposal (org_id, goal_id, created_at);

create view goals_goal_v as
select org_id, id, user_id, team_id, metric, activity_types, period_kind, period_start, period_end, target, agreed_target, status,
       set_by_manager
  from goals_goal;
