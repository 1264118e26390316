-- Tenant isolation in the database: every table with an org_id shows and takes only the rows of the organisation
-- in the session setting tandem.org_id, which Tandem sets on each connection from the signed-in user (see
-- platform.Tenancy). Unset or empty, a connection sees no organisation's rows; tandem.scope = 'system' crosses
-- organisations, for the few places that must (sign-in by e-mail address, jobs finding their organisations).
-- The policies bind the application's role; the owner of the tables, which migrates them, is not bound by them.

-- A migration that adds a table with an org_id calls this for it; a test fails for a table that lacks it.
create function platform_isolate_tenant(tbl regclass) returns void language plpgsql as $$
begin
  execute format('alter table %s enable row level security', tbl);
  -- The settings are read once per statement (an init plan), not once per row.
  execute format($policy$
      create policy %I on %s
        using (org_id = (select nullif(current_setting('tandem.org_id', true), '')::uuid)
               or (select coalesce(current_setting('tandem.scope', true), '') = 'system'))
      $policy$, tbl::text || '_tenant_policy', tbl);
end
$$;

select platform_isolate_tenant(c.oid::regclass)
  from pg_class c
  join pg_namespace n on n.oid = c.relnamespace
  join pg_attribute a on a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped
 where n.nspname = current_schema() and c.relkind in ('r', 'p')
 order by c.relname;

-- A view reads its tables with its owner's rights, and the owner is not bound by the policies: the published views
-- read them as whoever queries the view instead, so the policies hold through them too.
do $$
declare
  v record;
begin
  for v in select c.oid::regclass as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
            where n.nspname = current_schema() and c.relkind = 'v' loop
    execute format('alter view %s set (security_invoker = true)', v.name);
  end loop;
end
$$;
