-- The first run's setup, done once per installation: the one row with its key true is the lock two people (or two
-- nodes) setting up at the same moment race for; the second insert waits for the first transaction and then finds
-- the row taken. A framework table: no org_id, it is the installation's.
create table people_setup (
  done       boolean     not null default true,
  done_at    timestamptz not null default now(),
  constraint people_setup_pk primary key (done),
  constraint people_setup_one_row check (done)
);

-- Organisations made by the demo module, so the sign-in page offers demo logins only where they exist.
alter table people_organisation add column demo boolean not null default false;
