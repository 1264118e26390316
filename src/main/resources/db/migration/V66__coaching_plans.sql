-- Coaching plans: one focus for one person (the coaching-focus suggestion of insight, or free text), a metric with its
-- baseline measured when the plan starts, a target and a period; check-ins with the metric's value at that time; when
-- closed, the same metric measured again over the plan's period, so before and after stand side by side. The baseline
-- window is as long as the plan and ends where it starts, so both are measured over the same number of days.

-- user_id is the person the plan is for.
create table coaching_plan (
  org_id         uuid not null,
  id             uuid not null,
  user_id      uuid not null,
  author_id      uuid not null,
  focus          text not null,
  suggested      boolean not null default false,
  metric         text not null,
  stage_id       uuid,
  activity_type  text,
  starts_on      date not null,
  ends_on        date not null,
  baseline_from  date not null,
  baseline       double precision,
  target         numeric(18, 4) not null,
  status         text not null default 'OPEN',
  after_value    double precision,
  closed_on      date,
  closing_note   text,
  created_at     timestamptz not null,
  updated_at     timestamptz not null,
  version        integer not null default 0,
  constraint coaching_plan_pk primary key (org_id, id),
  constraint coaching_plan_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint coaching_plan_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_plan_stage_fk foreign key (org_id, stage_id) references playbook_stage (org_id, id),
  constraint coaching_plan_metric_ck check (metric in ('STAGE_CONVERSION', 'WIN_RATE', 'WON_REVENUE', 'ACTIVITIES_PER_WEEK',
    'ATTAINMENT')),
  constraint coaching_plan_stage_ck check ((metric = 'STAGE_CONVERSION') = (stage_id is not null)),
  constraint coaching_plan_activity_ck check ((metric = 'ACTIVITIES_PER_WEEK') = (activity_type is not null)),
  constraint coaching_plan_period_ck check (ends_on > starts_on and baseline_from < starts_on),
  constraint coaching_plan_target_ck check (target >= 0),
  constraint coaching_plan_focus_ck check (length(trim(focus)) between 1 and 300),
  constraint coaching_plan_status_ck check (status in ('OPEN', 'CLOSED') and ((status = 'CLOSED') = (closed_on is not null)))
);
create index coaching_plan_user_idx on coaching_plan (org_id, user_id, status);
select platform_isolate_tenant('coaching_plan');

create table coaching_plan_check_in (
  org_id      uuid not null,
  id          uuid not null,
  plan_id     uuid not null,
  author_id   uuid not null,
  held_on     date not null,
  note        text not null,
  value       double precision,
  created_at  timestamptz not null,
  constraint coaching_plan_check_in_pk primary key (org_id, id),
  constraint coaching_plan_check_in_plan_fk foreign key (org_id, plan_id) references coaching_plan (org_id, id) on delete cascade,
  constraint coaching_plan_check_in_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_plan_check_in_note_ck check (length(trim(note)) between 1 and 2000)
);
create index coaching_plan_check_in_plan_idx on coaching_plan_check_in (org_id, plan_id, held_on);
select platform_isolate_tenant('coaching_plan_check_in');
