-- The sales playbook: pipelines, their stages, and per stage what a deal needs before it may enter
-- (required activities, exit criteria, buying-group coverage) and how strictly that is enforced.

create table playbook_pipeline (
  org_id              uuid not null,
  id                  uuid not null,
  name                text not null,
  is_default          boolean not null default false,
  review_cadence_days int not null default 21,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  updated_by          text,
  version             int not null default 0,
  constraint playbook_pipeline_pk primary key (org_id, id),
  constraint playbook_pipeline_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint playbook_pipeline_name_uq unique (org_id, name),
  constraint playbook_pipeline_cadence_ck check (review_cadence_days between 1 and 365)
);
create unique index playbook_pipeline_one_default_uq on playbook_pipeline (org_id) where is_default;

create table playbook_stage (
  org_id            uuid not null,
  id                uuid not null,
  pipeline_id       uuid not null,
  name              text not null,
  position          int not null,
  kind              text not null,
  win_probability   int not null,
  forecast_category text not null,
  gate_mode         text not null default 'WARN',
  guidance          text not null default '',
  min_stakeholders  int not null default 0,
  requires_decision_maker boolean not null default false,
  updated_at        timestamptz not null default now(),
  updated_by        text,
  version           int not null default 0,
  constraint playbook_stage_pk primary key (org_id, id),
  constraint playbook_stage_pipeline_fk foreign key (org_id, pipeline_id) references playbook_pipeline (org_id, id) on delete cascade,
  constraint playbook_stage_name_uq unique (org_id, pipeline_id, name),
  constraint playbook_stage_kind_ck check (kind in ('OPEN', 'WON', 'LOST')),
  constraint playbook_stage_probability_ck check (win_probability between 0 and 100),
  constraint playbook_stage_category_ck check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED')),
  constraint playbook_stage_gate_ck check (gate_mode in ('WARN', 'BLOCK')),
  constraint playbook_stage_stakeholders_ck check (min_stakeholders between 0 and 50)
);
create index playbook_stage_pipeline_idx on playbook_stage (org_id, pipeline_id, position);

create table playbook_required_activity (
  org_id        uuid not null,
  id            uuid not null,
  stage_id      uuid not null,
  activity_type text not null,
  min_count     int not null,
  constraint playbook_required_activity_pk primary key (org_id, id),
  constraint playbook_required_activity_stage_fk foreign key (org_id, stage_id) references playbook_stage (org_id, id) on delete cascade,
  constraint playbook_required_activity_uq unique (org_id, stage_id, activity_type),
  constraint playbook_required_activity_type_ck check (activity_type in ('CALL', 'EMAIL', 'MEETING', 'DEMO', 'PROPOSAL', 'SOCIAL', 'NOTE', 'TASK')),
  constraint playbook_required_activity_count_ck check (min_count between 1 and 100)
);

create table playbook_exit_criterion (
  org_id   uuid not null,
  id       uuid not null,
  stage_id uuid not null,
  position int not null,
  label    text not null,
  constraint playbook_exit_criterion_pk primary key (org_id, id),
  constraint playbook_exit_criterion_stage_fk foreign key (org_id, stage_id) references playbook_stage (org_id, id) on delete cascade
);
create index playbook_exit_criterion_stage_idx on playbook_exit_criterion (org_id, stage_id, position);
