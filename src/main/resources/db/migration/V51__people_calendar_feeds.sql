-- A personal calendar feed: one secret address per user, of which only the hash is kept. Making a new one replaces
-- the old row, revoking deletes it; either way the old address stops answering.
create table people_calendar_feed (
  org_id     uuid not null,
  user_id    uuid not null,
  token_hash bytea not null,
  created_at timestamptz not null,
  constraint people_calendar_feed_pk primary key (org_id, user_id),
  constraint people_calendar_feed_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint people_calendar_feed_hash_uq unique (token_hash)
);
select platform_isolate_tenant('people_calendar_feed');
