-- Imports from other CRMs and spreadsheets: each import with its file, settings, dry-run report,
-- progress and counts; the records it created or changed (so it can be undone as a whole); the
-- source's own ids of imported records (so a second import finds them); mappings saved for the next
-- import of the same kind.

create table exchange_import (
  org_id       uuid not null,
  id           uuid not null,
  kind         text not null,
  file_name    text not null,
  file_format  text not null,
  file_size    bigint not null,
  status       text not null,
  settings     jsonb not null,
  report       jsonb,
  rows_total   int not null default 0,
  rows_done    int not null default 0,
  created      int not null default 0,
  updated      int not null default 0,
  skipped      int not null default 0,
  error        text,
  created_by   uuid not null,
  created_at   timestamptz not null default now(),
  started_at   timestamptz,
  heartbeat_at timestamptz,
  finished_at  timestamptz,
  undone_at    timestamptz,
  undone_by    uuid,
  version      int not null default 0,
  constraint exchange_import_pk primary key (org_id, id),
  constraint exchange_import_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint exchange_import_created_by_fk foreign key (org_id, created_by) references people_user (org_id, id),
  constraint exchange_import_undone_by_fk foreign key (org_id, undone_by) references people_user (org_id, id),
  constraint exchange_import_kind_ck check (kind in ('TEAMS', 'USERS', 'ACCOUNTS', 'CONTACTS', 'DEALS', 'DEAL_HISTORY',
                                                     'ACTIVITIES', 'LEADS', 'ORGANISATION')),
  constraint exchange_import_format_ck check (file_format in ('CSV', 'XLSX', 'ZIP')),
  constraint exchange_import_status_ck check (status in ('UPLOADED', 'CHECKED', 'RUNNING', 'DONE', 'FAILED', 'UNDONE'))
);
create index exchange_import_created_idx on exchange_import (org_id, created_at desc);
create index exchange_import_running_idx on exchange_import (status) where status = 'RUNNING';

-- The uploaded file itself, kept apart so listing imports never reads it.
create table exchange_import_file (
  org_id    uuid not null,
  import_id uuid not null,
  content   bytea not null,
  constraint exchange_import_file_pk primary key (org_id, import_id),
  constraint exchange_import_file_import_fk foreign key (org_id, import_id) references exchange_import (org_id, id) on delete cascade
);

-- What an import wrote: a record it created, or one it changed with the record as it was before.
create table exchange_import_record (
  org_id    uuid not null,
  import_id uuid not null,
  entity    text not null,
  record_id uuid not null,
  action    text not null,
  before    jsonb,
  constraint exchange_import_record_pk primary key (org_id, import_id, entity, record_id),
  constraint exchange_import_record_import_fk foreign key (org_id, import_id) references exchange_import (org_id, id) on delete cascade,
  constraint exchange_import_record_action_ck check (action in ('CREATED', 'UPDATED'))
);

-- The id a record had in the system it came from, per kind of record.
create table exchange_external_id (
  org_id      uuid not null,
  entity      text not null,
  external_id text not null,
  record_id   uuid not null,
  import_id   uuid not null,
  constraint exchange_external_id_pk primary key (org_id, entity, external_id),
  constraint exchange_external_id_import_fk foreign key (org_id, import_id) references exchange_import (org_id, id) on delete cascade
);
create index exchange_external_id_record_idx on exchange_external_id (org_id, entity, record_id);

-- The column and value mappings last used per kind of import, offered again for the next one.
create table exchange_mapping (
  org_id     uuid not null,
  kind       text not null,
  columns    jsonb not null,
  value_map  jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid not null,
  constraint exchange_mapping_pk primary key (org_id, kind),
  constraint exchange_mapping_user_fk foreign key (org_id, updated_by) references people_user (org_id, id)
);
