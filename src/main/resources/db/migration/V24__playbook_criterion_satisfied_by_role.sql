-- An exit criterion may be satisfied by a fact instead of a tick: the deal's buying group has someone in a role
-- (e.g. "Budget owner known" once an economic buyer is mapped). Null means the rep ticks it.

alter table playbook_exit_criterion add column satisfied_by_role text;
alter table playbook_exit_criterion add constraint playbook_exit_criterion_role_ck check (satisfied_by_role in
  ('DECISION_MAKER', 'ECONOMIC_BUYER', 'INFLUENCER', 'CHAMPION', 'USER', 'GATEKEEPER', 'BLOCKER'));

-- The default pipeline says so for its budget owner, in both languages it is created in; only where no admin has
-- changed the stage since Tandem created it.
update playbook_exit_criterion c set satisfied_by_role = 'ECONOMIC_BUYER'
  from playbook_stage s
 where s.org_id = c.org_id and s.id = c.stage_id and s.updated_by = 'Tandem' and s.version = 0
   and c.label in ('Budget owner known', 'Budgethouder bekend');
