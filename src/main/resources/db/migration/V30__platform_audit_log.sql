-- The audit log: who did what, when (UTC) and in which organisation. Append-only: a statement that would change or
-- remove a row fails, whoever runs it, so the application itself cannot rewrite what it recorded.
create table platform_audit_event (
  id             uuid primary key,
  org_id         uuid,
  occurred_at    timestamptz not null,
  actor_id       uuid,
  actor          text not null,
  action         text not null,
  target_type    text,
  target_id      text,
  detail         text,
  client_address text
);

create index platform_audit_event_org_idx on platform_audit_event (org_id, id desc);

create function platform_audit_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'the audit log is append-only: % is not allowed', tg_op;
end
$$;

create trigger platform_audit_event_append_only
  before update or delete or truncate on platform_audit_event
  for each statement execute function platform_audit_event_append_only();
