-- pgbench: one activity row, as the API writes it, into a table like crm_activity (same columns, keys and indexes).
insert into bench_ingest_reference (org_id, id, type, channel, direction, subject, duration_minutes, occurred_at, done,
  owner_id, logged_by, joint, created_at)
values (:org, gen_random_uuid(), 'CALL', 'PHONE', 'OUTBOUND', 'Discovery call with the operations lead', 20, now(), true,
  :owner, :owner, false, now());
