-- When an admin last confirmed that the playbook is right ("Looks right"), and who: the getting-started checklist's
-- first step. One row per organisation.
create table playbook_review (
  org_id      uuid not null,
  reviewed_at timestamptz not null,
  reviewed_by uuid not null,
  constraint playbook_review_pk primary key (org_id),
  constraint playbook_review_user_fk foreign key (org_id, reviewed_by) references people_user (org_id, id)
);
select platform_isolate_tenant('playbook_review');
