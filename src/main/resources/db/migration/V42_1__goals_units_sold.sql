-- Goals on the units sold of one product: the product is part of what makes a goal one of its kind, next to the
-- metric and the activity types.

alter table goals_goal add column product_id uuid;
alter table goals_goal drop constraint goals_goal_metric_ck;
alter table goals_goal add constraint goals_goal_metric_ck check (metric in ('WON_REVENUE', 'WON_DEALS', 'NEW_PIPELINE',
  'ACTIVITIES', 'MEETINGS_HELD', 'LEADS_QUALIFIED', 'NEW_ACCOUNTS', 'UNITS_SOLD'));
alter table goals_goal add constraint goals_goal_product_ck check ((metric = 'UNITS_SOLD') = (product_id is not null));

drop index goals_goal_user_uq;
drop index goals_goal_team_uq;
create unique index goals_goal_user_uq on goals_goal (org_id, user_id, metric, activity_types,
  coalesce(product_id, '00000000-0000-0000-0000-000000000000'), period_kind, period_start) where user_id is not null;
create unique index goals_goal_team_uq on goals_goal (org_id, team_id, metric, activity_types,
  coalesce(product_id, '00000000-0000-0000-0000-000000000000'), period_kind, period_start) where team_id is not null;

create or replace view goals_goal_v with (security_invoker = true) as
select org_id, id, user_id, team_id, metric, activity_types, period_kind, period_start, period_end, target, agreed_target, status,
       set_by_manager, product_id
  from goals_goal;
