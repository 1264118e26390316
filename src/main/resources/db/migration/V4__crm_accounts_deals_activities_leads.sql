-- The CRM: accounts, contacts, deals with their buying group, stage and field history, activities,
-- leads with transparent routing, and idempotency keys for creating API calls.

create table crm_account (
  org_id     uuid not null,
  id         uuid not null,
  name       text not null,
  sector     text,
  size       text,
  country    text,
  website    text,
  owner_id   uuid not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  version    int not null default 0,
  constraint crm_account_pk primary key (org_id, id),
  constraint crm_account_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_account_size_ck check (size is null or size in ('1-10', '11-50', '51-200', '201-1000', '1000+'))
);
create index crm_account_owner_idx on crm_account (org_id, owner_id);
create index crm_account_name_idx on crm_account (org_id, lower(name));

create table crm_contact (
  org_id       uuid not null,
  id           uuid not null,
  account_id   uuid not null,
  name         text not null,
  title        text,
  email        text,
  phone        text,
  social_url   text,
  created_at   timestamptz not null default now(),
  updated_at   timestamptz not null default now(),
  updated_by   text,
  version      int not null default 0,
  constraint crm_contact_pk primary key (org_id, id),
  constraint crm_contact_account_fk foreign key (org_id, account_id) references crm_account (org_id, id)
);
create index crm_contact_account_idx on crm_contact (org_id, account_id);

create table crm_deal (
  org_id             uuid not null,
  id                 uuid not null,
  account_id         uuid not null,
  owner_id           uuid not null,
  title              text not null,
  amount             numeric(18, 2),
  close_date         date,
  pipeline_id        uuid not null,
  stage_id           uuid not null,
  status             text not null default 'OPEN',
  forecast_category  text not null,
  category_overridden boolean not null default false,
  next_step          text,
  next_step_date     date,
  source             text not null,
  lost_reason        text,
  engaged_on         date,
  closed_at          timestamptz,
  stage_entered_at   timestamptz not null default now(),
  last_activity_at   timestamptz,
  last_reviewed_at   timestamptz,
  created_at         timestamptz not null default now(),
  updated_at         timestamptz not null default now(),
  updated_by         text,
  version            int not null default 0,
  constraint crm_deal_pk primary key (org_id, id),
  constraint crm_deal_account_fk foreign key (org_id, account_id) references crm_account (org_id, id),
  constraint crm_deal_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_deal_pipeline_fk foreign key (org_id, pipeline_id) references playbook_pipeline (org_id, id),
  constraint crm_deal_stage_fk foreign key (org_id, stage_id) references playbook_stage (org_id, id),
  constraint crm_deal_status_ck check (status in ('OPEN', 'WON', 'LOST')),
  constraint crm_deal_category_ck check (forecast_category in ('PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED')),
  constraint crm_deal_source_ck check (source in ('INBOUND', 'OUTBOUND', 'MARKETING_CAMPAIGN', 'PARTNER', 'REFERRAL')),
  constraint crm_deal_amount_ck check (amount is null or amount >= 0)
);
create index crm_deal_owner_idx on crm_deal (org_id, owner_id, status);
create index crm_deal_stage_idx on crm_deal (org_id, stage_id) where status = 'OPEN';
create index crm_deal_account_idx on crm_deal (org_id, account_id);
create index crm_deal_close_idx on crm_deal (org_id, status, close_date);

create table crm_deal_stage_history (
  org_id        uuid not null,
  id            uuid not null,
  deal_id       uuid not null,
  from_stage_id uuid,
  to_stage_id   uuid not null,
  changed_at    timestamptz not null,
  changed_by    uuid,
  constraint crm_deal_stage_history_pk primary key (org_id, id),
  constraint crm_deal_stage_history_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_deal_stage_history_from_fk foreign key (org_id, from_stage_id) references playbook_stage (org_id, id),
  constraint crm_deal_stage_history_to_fk foreign key (org_id, to_stage_id) references playbook_stage (org_id, id)
);
create index crm_deal_stage_history_deal_idx on crm_deal_stage_history (org_id, deal_id, changed_at);

create table crm_deal_field_history (
  org_id     uuid not null,
  id         uuid not null,
  deal_id    uuid not null,
  field      text not null,
  old_value  text,
  new_value  text,
  changed_at timestamptz not null,
  changed_by uuid,
  constraint crm_deal_field_history_pk primary key (org_id, id),
  constraint crm_deal_field_history_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_deal_field_history_field_ck check (field in ('amount', 'closeDate', 'owner', 'forecastCategory'))
);
create index crm_deal_field_history_deal_idx on crm_deal_field_history (org_id, deal_id, changed_at);

create table crm_deal_criterion (
  org_id       uuid not null,
  deal_id      uuid not null,
  criterion_id uuid not null,
  checked_at   timestamptz not null default now(),
  checked_by   uuid,
  constraint crm_deal_criterion_pk primary key (org_id, deal_id, criterion_id),
  constraint crm_deal_criterion_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_deal_criterion_criterion_fk foreign key (org_id, criterion_id) references playbook_exit_criterion (org_id, id) on delete cascade
);

create table crm_stakeholder (
  org_id     uuid not null,
  id         uuid not null,
  deal_id    uuid not null,
  contact_id uuid not null,
  role       text not null,
  influence  int not null default 3,
  stance     text not null default 'NEUTRAL',
  created_at timestamptz not null default now(),
  version    int not null default 0,
  constraint crm_stakeholder_pk primary key (org_id, id),
  constraint crm_stakeholder_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_stakeholder_contact_fk foreign key (org_id, contact_id) references crm_contact (org_id, id),
  constraint crm_stakeholder_uq unique (org_id, deal_id, contact_id),
  constraint crm_stakeholder_role_ck check (role in ('DECISION_MAKER', 'ECONOMIC_BUYER', 'INFLUENCER', 'CHAMPION', 'USER', 'GATEKEEPER', 'BLOCKER')),
  constraint crm_stakeholder_influence_ck check (influence between 1 and 5),
  constraint crm_stakeholder_stance_ck check (stance in ('SUPPORTIVE', 'NEUTRAL', 'OPPOSED'))
);

create table crm_activity (
  org_id           uuid not null,
  id               uuid not null,
  type             text not null,
  channel          text not null,
  direction        text not null default 'OUTBOUND',
  subject          text not null,
  notes            text,
  outcome          text,
  duration_minutes int,
  occurred_at      timestamptz,
  due_at           timestamptz,
  done             boolean not null default true,
  deal_id          uuid,
  account_id       uuid,
  owner_id         uuid not null,
  logged_by        uuid not null,
  joint            boolean not null default false,
  created_at       timestamptz not null default now(),
  version          int not null default 0,
  constraint crm_activity_pk primary key (org_id, id),
  constraint crm_activity_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_activity_account_fk foreign key (org_id, account_id) references crm_account (org_id, id),
  constraint crm_activity_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_activity_logged_by_fk foreign key (org_id, logged_by) references people_user (org_id, id),
  constraint crm_activity_type_ck check (type in ('CALL', 'EMAIL', 'MEETING', 'DEMO', 'PROPOSAL', 'SOCIAL', 'NOTE', 'TASK')),
  constraint crm_activity_channel_ck check (channel in ('PHONE', 'EMAIL', 'VIDEO', 'IN_PERSON', 'SOCIAL', 'OTHER')),
  constraint crm_activity_direction_ck check (direction in ('INBOUND', 'OUTBOUND')),
  constraint crm_activity_duration_ck check (duration_minutes is null or duration_minutes between 0 and 1440),
  constraint crm_activity_when_ck check (occurred_at is not null or due_at is not null)
);
create index crm_activity_deal_idx on crm_activity (org_id, deal_id, type) where deal_id is not null;
create index crm_activity_account_idx on crm_activity (org_id, account_id, occurred_at);
create index crm_activity_owner_idx on crm_activity (org_id, owner_id, occurred_at);
create index crm_activity_open_tasks_idx on crm_activity (org_id, owner_id, due_at) where not done;

create table crm_activity_contact (
  org_id      uuid not null,
  activity_id uuid not null,
  contact_id  uuid not null,
  constraint crm_activity_contact_pk primary key (org_id, activity_id, contact_id),
  constraint crm_activity_contact_activity_fk foreign key (org_id, activity_id) references crm_activity (org_id, id) on delete cascade,
  constraint crm_activity_contact_contact_fk foreign key (org_id, contact_id) references crm_contact (org_id, id)
);
create index crm_activity_contact_contact_idx on crm_activity_contact (org_id, contact_id);

create table crm_activity_participant (
  org_id      uuid not null,
  activity_id uuid not null,
  user_id     uuid not null,
  constraint crm_activity_participant_pk primary key (org_id, activity_id, user_id),
  constraint crm_activity_participant_activity_fk foreign key (org_id, activity_id) references crm_activity (org_id, id) on delete cascade,
  constraint crm_activity_participant_user_fk foreign key (org_id, user_id) references people_user (org_id, id)
);

create table crm_lead (
  org_id              uuid not null,
  id                  uuid not null,
  person_name         text not null,
  company             text not null,
  email               text,
  phone               text,
  source              text not null,
  campaign            text,
  score               int not null default 0,
  status              text not null default 'NEW',
  disqualified_reason text,
  team_id             uuid,
  owner_id            uuid,
  account_id          uuid,
  contact_id          uuid,
  deal_id             uuid,
  created_at          timestamptz not null default now(),
  updated_at          timestamptz not null default now(),
  updated_by          text,
  version             int not null default 0,
  constraint crm_lead_pk primary key (org_id, id),
  constraint crm_lead_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint crm_lead_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_lead_account_fk foreign key (org_id, account_id) references crm_account (org_id, id),
  constraint crm_lead_contact_fk foreign key (org_id, contact_id) references crm_contact (org_id, id),
  constraint crm_lead_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id),
  constraint crm_lead_status_ck check (status in ('NEW', 'CONTACTED', 'QUALIFIED', 'DISQUALIFIED', 'CONVERTED')),
  constraint crm_lead_source_ck check (source in ('INBOUND', 'OUTBOUND', 'MARKETING_CAMPAIGN', 'PARTNER', 'REFERRAL')),
  constraint crm_lead_score_ck check (score between 0 and 100),
  constraint crm_lead_disqualified_ck check (status <> 'DISQUALIFIED' or disqualified_reason is not null)
);
create index crm_lead_owner_idx on crm_lead (org_id, owner_id, status);
create index crm_lead_team_idx on crm_lead (org_id, team_id, status);

-- Capacity of a rep in a team's lead routing: weight 1 is a full share, 0.5 half; 0 takes no leads.
create table crm_routing_weight (
  org_id  uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  weight  numeric(4, 2) not null default 1,
  -- Smooth weighted round-robin state: grows by the weight each round, drops by the total when chosen.
  current_weight numeric(12, 4) not null default 0,
  constraint crm_routing_weight_pk primary key (org_id, team_id, user_id),
  constraint crm_routing_weight_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint crm_routing_weight_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint crm_routing_weight_ck check (weight between 0 and 10)
);

create table crm_lead_assignment (
  org_id      uuid not null,
  id          uuid not null,
  lead_id     uuid not null,
  team_id     uuid,
  assigned_to uuid not null,
  rule        text not null,
  candidates  jsonb not null,
  reason      text not null,
  assigned_at timestamptz not null default now(),
  assigned_by uuid,
  constraint crm_lead_assignment_pk primary key (org_id, id),
  constraint crm_lead_assignment_lead_fk foreign key (org_id, lead_id) references crm_lead (org_id, id) on delete cascade,
  constraint crm_lead_assignment_user_fk foreign key (org_id, assigned_to) references people_user (org_id, id),
  constraint crm_lead_assignment_rule_ck check (rule in ('ROUND_ROBIN', 'WEIGHTED_ROUND_ROBIN', 'MANUAL'))
);
create index crm_lead_assignment_lead_idx on crm_lead_assignment (org_id, lead_id, assigned_at);
create index crm_lead_assignment_team_idx on crm_lead_assignment (org_id, team_id, rule);

create table crm_idempotency_key (
  org_id        uuid not null,
  user_id       uuid not null,
  key           text not null,
  request_hash  text not null,
  resource_type text not null,
  resource_id   uuid not null,
  created_at    timestamptz not null default now(),
  constraint crm_idempotency_key_pk primary key (org_id, user_id, key),
  constraint crm_idempotency_key_user_fk foreign key (org_id, user_id) references people_user (org_id, id)
);
create index crm_idempotency_key_created_idx on crm_idempotency_key (created_at);
