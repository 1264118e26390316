-- Custom fields: what an organisation keeps about accounts, contacts, deals and leads beyond the product's own fields
-- (often a column of an import that had nowhere to go). A definition names the field (its key, unique per kind of
-- record), its type and, for a choice, its choices; the values live on the records themselves, in a jsonb object
-- from key to the value's canonical text (a number as plain digits, a date as ISO yyyy-mm-dd), so they go into the
-- recycle bin and come back with their record. A deactivated field is kept with its values, but no longer shown or
-- taken.

create table crm_custom_field (
  org_id     uuid not null,
  id         uuid not null,
  kind       text not null,
  key        text not null,
  label      text not null,
  type       text not null,
  choices    text[] not null default '{}',
  position   integer not null,
  active     boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by text,
  version    integer not null default 0,
  constraint crm_custom_field_pk primary key (org_id, id),
  constraint crm_custom_field_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint crm_custom_field_key_uq unique (org_id, kind, key),
  constraint crm_custom_field_kind_ck check (kind in ('ACCOUNT', 'CONTACT', 'DEAL', 'LEAD')),
  constraint crm_custom_field_type_ck check (type in ('TEXT', 'NUMBER', 'DATE', 'CHOICE')),
  constraint crm_custom_field_key_ck check (key ~ '^[a-z][a-z0-9_]{0,59}$'),
  constraint crm_custom_field_label_ck check (length(trim(label)) > 0),
  constraint crm_custom_field_choices_ck check ((type = 'CHOICE') = (cardinality(choices) > 0))
);
select platform_isolate_tenant('crm_custom_field');

alter table crm_account add column custom jsonb not null default '{}';
alter table crm_contact add column custom jsonb not null default '{}';
alter table crm_deal add column custom jsonb not null default '{}';
alter table crm_lead add column custom jsonb not null default '{}';
