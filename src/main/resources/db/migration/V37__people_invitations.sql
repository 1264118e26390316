-- Who made a password link: the pending invitations say who invited whom. Links made before stay without.
alter table people_password_link add column created_by uuid;
alter table people_password_link add constraint people_password_link_creator_fk
  foreign key (org_id, created_by) references people_user (org_id, id);
create index people_password_link_pending_idx on people_password_link (org_id, purpose) where used_at is null;

-- The admin's getting-started checklist, once dismissed, stays away for the whole organisation.
alter table people_organisation add column getting_started_dismissed_at timestamptz;
