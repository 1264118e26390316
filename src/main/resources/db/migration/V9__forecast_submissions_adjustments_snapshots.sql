-- Forecasts: what each rep and each team's leader submits for a period (every revision kept), the managers'
-- adjustments with their reasons (the original stays), and weekly snapshots of the submissions and of the open
-- pipeline, from which accuracy is measured once a period is over.

create table forecast_submission (
  org_id           uuid not null,
  id               uuid not null,
  user_id          uuid,
  team_id          uuid,
  period_kind      text not null,
  period_start     date not null,
  period_end       date not null,
  revision         int not null,
  commit_amount    numeric(18, 2) not null,
  best_case_amount numeric(18, 2) not null,
  won_amount       numeric(18, 2) not null,
  pipeline_amount  numeric(18, 2) not null,
  note             text,
  submitted_by     uuid not null,
  submitted_at     timestamptz not null default now(),
  constraint forecast_submission_pk primary key (org_id, id),
  constraint forecast_submission_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint forecast_submission_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint forecast_submission_by_fk foreign key (org_id, submitted_by) references people_user (org_id, id),
  constraint forecast_submission_scope_ck check ((user_id is null) <> (team_id is null)),
  constraint forecast_submission_period_ck check (period_kind in ('MONTH', 'QUARTER', 'YEAR') and period_end > period_start),
  constraint forecast_submission_amounts_ck check (commit_amount >= 0 and best_case_amount >= commit_amount)
);
create unique index forecast_submission_user_uq on forecast_submission (org_id, user_id, period_kind, period_start, revision)
  where user_id is not null;
create unique index forecast_submission_team_uq on forecast_submission (org_id, team_id, period_kind, period_start, revision)
  where team_id is not null;
create index forecast_submission_period_idx on forecast_submission (org_id, period_start, period_kind, submitted_at);

create table forecast_adjustment (
  org_id           uuid not null,
  id               uuid not null,
  submission_id    uuid not null,
  commit_amount    numeric(18, 2) not null,
  best_case_amount numeric(18, 2) not null,
  reason           text not null,
  adjusted_by      uuid not null,
  adjusted_at      timestamptz not null default now(),
  constraint forecast_adjustment_pk primary key (org_id, id),
  constraint forecast_adjustment_submission_fk foreign key (org_id, submission_id) references forecast_submission (org_id, id),
  constraint forecast_adjustment_by_fk foreign key (org_id, adjusted_by) references people_user (org_id, id),
  constraint forecast_adjustment_amounts_ck check (commit_amount >= 0 and best_case_amount >= commit_amount),
  constraint forecast_adjustment_reason_ck check (length(btrim(reason)) > 0)
);
create index forecast_adjustment_submission_idx on forecast_adjustment (org_id, submission_id, adjusted_at);

create table forecast_snapshot (
  org_id   uuid not null,
  id       uuid not null,
  taken_at timestamptz not null,
  kind     text not null,
  -- The Monday of the week a weekly snapshot belongs to; a second node finds it taken.
  week     date,
  constraint forecast_snapshot_pk primary key (org_id, id),
  constraint forecast_snapshot_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint forecast_snapshot_kind_ck check (kind in ('WEEKLY', 'ON_DEMAND'))
);
create unique index forecast_snapshot_week_uq on forecast_snapshot (org_id, week) where kind = 'WEEKLY';
create index forecast_snapshot_taken_idx on forecast_snapshot (org_id, taken_at);

create table forecast_snapshot_deal (
  org_id       uuid not null,
  snapshot_id  uuid not null,
  deal_id      uuid not null,
  owner_id     uuid not null,
  stage_id     uuid not null,
  category     text not null,
  amount       numeric(18, 2),
  close_date   date,
  constraint forecast_snapshot_deal_pk primary key (org_id, snapshot_id, deal_id),
  constraint forecast_snapshot_deal_snapshot_fk foreign key (org_id, snapshot_id) references forecast_snapshot (org_id, id)
    on delete cascade
);

create table forecast_snapshot_submission (
  org_id              uuid not null,
  snapshot_id         uuid not null,
  submission_id       uuid not null,
  commit_amount       numeric(18, 2) not null,
  best_case_amount    numeric(18, 2) not null,
  adjusted_commit     numeric(18, 2),
  adjusted_best_case  numeric(18, 2),
  constraint forecast_snapshot_submission_pk primary key (org_id, snapshot_id, submission_id),
  constraint forecast_snapshot_submission_snapshot_fk foreign key (org_id, snapshot_id) references forecast_snapshot (org_id, id)
    on delete cascade,
  constraint forecast_snapshot_submission_submission_fk foreign key (org_id, submission_id) references forecast_submission (org_id, id)
);
