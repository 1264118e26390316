-- When a lead was qualified and converted, so "leads qualified in a period" is a fact, not a guess;
-- and the views the CRM publishes for read models in other modules (goals, insight, forecast). Other
-- modules read CRM data only through these, so the CRM's tables can change without breaking reports.

alter table crm_lead add column qualified_at timestamptz;
alter table crm_lead add column converted_at timestamptz;
update crm_lead set qualified_at = updated_at where status in ('QUALIFIED', 'CONVERTED');
update crm_lead set converted_at = updated_at where status = 'CONVERTED';
create index crm_lead_qualified_idx on crm_lead (org_id, qualified_at) where qualified_at is not null;
create index crm_lead_created_idx on crm_lead (org_id, created_at);
create index crm_account_created_idx on crm_account (org_id, created_at);
create index crm_deal_created_idx on crm_deal (org_id, created_at);
create index crm_deal_stage_history_to_idx on crm_deal_stage_history (org_id, to_stage_id, changed_at);
create index crm_deal_stage_history_changed_idx on crm_deal_stage_history (org_id, changed_at);

create view crm_deal_v as
select org_id, id, account_id, owner_id, title, amount, close_date, pipeline_id, stage_id, status, forecast_category,
       category_overridden, next_step, next_step_date, source, lost_reason, engaged_on, closed_at, stage_entered_at,
       last_activity_at, last_reviewed_at, created_at, updated_at
  from crm_deal;

create view crm_deal_stage_change_v as
select org_id, id, deal_id, from_stage_id, to_stage_id, changed_at, changed_by from crm_deal_stage_history;

create view crm_deal_field_change_v as
select org_id, id, deal_id, field, old_value, new_value, changed_at, changed_by from crm_deal_field_history;

create view crm_activity_v as
select org_id, id, type, channel, direction, subject, occurred_at, due_at, done, deal_id, account_id, owner_id, logged_by, joint
  from crm_activity;

create view crm_lead_v as
select org_id, id, person_name, company, source, campaign, status, team_id, owner_id, account_id, deal_id, created_at, qualified_at,
       converted_at
  from crm_lead;

create view crm_lead_assignment_v as
select org_id, id, lead_id, team_id, assigned_to, rule, assigned_at from crm_lead_assignment;

create view crm_account_v as
select org_id, id, owner_id, name, created_at from crm_account;
