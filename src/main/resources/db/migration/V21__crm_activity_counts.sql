-- Done activities counted per owner, type and channel, per day and per month in the organisation's time zone: what
-- dashboards count, so a team's or the whole organisation's months are read from a few thousand rows instead of
-- millions. Kept exact by statement-level triggers on every insert, update and delete of crm_activity (COPY
-- included), and rebuilt for an organisation whose time zone changes. Published as crm_activity_day_v and
-- crm_activity_month_v.

create table crm_activity_day (
  org_id     uuid not null,
  owner_id   uuid not null,
  day        date not null,
  type       text not null,
  channel    text not null,
  activities int not null,
  constraint crm_activity_day_pk primary key (org_id, owner_id, day, type, channel)
);

create table crm_activity_month (
  org_id     uuid not null,
  owner_id   uuid not null,
  month      date not null,
  type       text not null,
  channel    text not null,
  activities int not null,
  constraint crm_activity_month_pk primary key (org_id, owner_id, month, type, channel)
);

-- The statement that counts what the rows of a statement (or of an organisation, for a rebuild) add (sign 1) or take
-- away (sign -1) into the day and month rows, in key order so that concurrent writers lock count rows in the same
-- order; source is a query of activity rows with a sign.
create function crm_activity_counts_sql(source text) returns text language sql immutable as $$
  select format($sql$
    with delta as (
      select a.org_id, a.owner_id, cast(a.occurred_at at time zone o.time_zone as date) as day, a.type, a.channel,
             sum(a.sign) as activities
        from (%s) a join people_organisation o on o.org_id = a.org_id
       where a.done and a.occurred_at is not null
       group by 1, 2, 3, 4, 5
      having sum(a.sign) <> 0
    ), days as (
      insert into crm_activity_day as c (org_id, owner_id, day, type, channel, activities)
      select * from delta order by 1, 2, 3, 4, 5
      on conflict (org_id, owner_id, day, type, channel) do update set activities = c.activities + excluded.activities
    )
    insert into crm_activity_month as c (org_id, owner_id, month, type, channel, activities)
    select org_id, owner_id, cast(date_trunc('month', day) as date), type, channel, sum(activities)
      from delta group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (org_id, owner_id, month, type, channel) do update set activities = c.activities + excluded.activities
  $sql$, source)
$$;

-- Gives a table statement-level triggers for insert, update and delete that run the statements a function (taking a
-- query of the changed rows with a sign, like crm_activity_counts_sql) writes for them. The statements are written
-- into each trigger function's body, not executed as dynamic SQL, so that their plans are prepared once per session:
-- a single-row insert then costs a fraction of a millisecond more, not a fresh plan.
create function create_count_triggers(tbl text, prefix text, statements text) returns void language plpgsql as $$
declare
  op record;
  body text;
begin
  for op in select * from (values
      ('insert', 'new table as new_rows', 'select *, 1 as sign from new_rows'),
      ('delete', 'old table as old_rows', 'select *, -1 as sign from old_rows'),
      ('update', 'old table as old_rows new table as new_rows',
       'select *, -1 as sign from old_rows union all select *, 1 as sign from new_rows')) v(event, tables, source) loop
    execute format('select %s(%L)', statements, op.source) into body;
    execute format('create function %s_on_%s() returns trigger language plpgsql as %L',
      prefix, op.event, format(E'begin\n%s;\nreturn null;\nend', body));
    execute format('create trigger %s_%s after %s on %s referencing %s for each statement execute function %s_on_%s()',
      prefix, op.event, op.event, tbl, op.tables, prefix, op.event);
  end loop;
end $$;

select create_count_triggers('crm_activity', 'crm_activity_counts', 'crm_activity_counts_sql');

-- The counts of one organisation, from scratch.
create function crm_activity_counts_rebuild(org uuid) returns void language plpgsql as $$
begin
  delete from crm_activity_day where org_id = org;
  delete from crm_activity_month where org_id = org;
  execute crm_activity_counts_sql(format('select *, 1 as sign from crm_activity where org_id = %L', org));
end $$;

create function crm_activity_counts_zone_changed() returns trigger language plpgsql as $$
begin
  perform crm_activity_counts_rebuild(new.org_id);
  return null;
end $$;

create trigger crm_activity_counts_zone after update of time_zone on people_organisation
  for each row when (old.time_zone is distinct from new.time_zone) execute function crm_activity_counts_zone_changed();

select crm_activity_counts_rebuild(org_id) from people_organisation;

create view crm_activity_day_v as select org_id, owner_id, day, type, channel, activities from crm_activity_day;
create view crm_activity_month_v as select org_id, owner_id, month, type, channel, activities from crm_activity_month;

-- Statistics for the planner right away, not at the next autovacuum.
analyze crm_activity_day;
analyze crm_activity_month;
