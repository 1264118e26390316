-- Views the people module publishes for read models in other modules (DESIGN.md section 3): who was a
-- member of a team, directly or through any team below it, from when until when.

create view people_team_member_v as
with recursive tree (org_id, team_id, descendant_id) as (
  select org_id, id, id from people_team
  union all
  select t.org_id, tree.team_id, t.id
    from people_team t join tree on t.org_id = tree.org_id and t.parent_id = tree.descendant_id
)
select tree.org_id, tree.team_id, m.user_id, m.team_id as direct_team_id, m.valid_from, m.valid_to
  from tree join people_membership m on m.org_id = tree.org_id and m.team_id = tree.descendant_id;

create view people_user_v as
select org_id, id, display_name, role, active from people_user;

create view people_team_v as
select org_id, id, name, kind, parent_id, leader_id from people_team;

create view people_organisation_v as
select org_id, name, time_zone, currency, fiscal_year_start_month from people_organisation;
