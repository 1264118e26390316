-- Saved views of a list: a person's filters, sort order and columns under a name, private to them or shared with
-- their team (whoever may look them up in the directory: their teams' members and their line of managers). The
-- filters are the list's own URL parameters, from name to value, checked against the list's known filters on save.

create table crm_saved_view (
  org_id     uuid not null,
  id         uuid not null,
  owner_id   uuid not null,
  list       text not null,
  name       text not null,
  filters    jsonb not null default '{}',
  sort       text,
  columns    text[] not null default '{}',
  shared     boolean not null default false,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  version    integer not null default 0,
  constraint crm_saved_view_pk primary key (org_id, id),
  constraint crm_saved_view_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_saved_view_list_ck check (list in ('DEALS', 'ACTIVITIES')),
  constraint crm_saved_view_name_ck check (length(trim(name)) between 1 and 80)
);
create unique index crm_saved_view_name_uq on crm_saved_view (org_id, owner_id, list, lower(name));
select platform_isolate_tenant('crm_saved_view');
