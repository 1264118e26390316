-- Deals counted per owner, per day and per month: won (amount and count) and lost on their close date, new pipeline
-- (amount and count) on the day they were created in the organisation's time zone, and the sales cycle of won deals
-- in whole days (close date minus engage date, or creation day) as counts per length, from which the median is exact.
-- Kept exact by statement-level triggers on every insert, update and delete of crm_deal, rebuilt for an organisation
-- whose time zone changes; published as crm_deal_day_v, crm_deal_month_v, crm_deal_cycle_day_v, crm_deal_cycle_month_v.

create table crm_deal_day (
  org_id      uuid not null,
  owner_id    uuid not null,
  day         date not null,
  won_amount  numeric(18, 2) not null,
  won_deals   int not null,
  lost_deals  int not null,
  new_amount  numeric(18, 2) not null,
  new_deals   int not null,
  constraint crm_deal_day_pk primary key (org_id, owner_id, day)
);

create table crm_deal_month (
  org_id      uuid not null,
  owner_id    uuid not null,
  month       date not null,
  won_amount  numeric(18, 2) not null,
  won_deals   int not null,
  lost_deals  int not null,
  new_amount  numeric(18, 2) not null,
  new_deals   int not null,
  constraint crm_deal_month_pk primary key (org_id, owner_id, month)
);

create table crm_deal_cycle_day (
  org_id      uuid not null,
  owner_id    uuid not null,
  day         date not null,
  cycle_days  int not null,
  deals       int not null,
  constraint crm_deal_cycle_day_pk primary key (org_id, owner_id, day, cycle_days)
);

create table crm_deal_cycle_month (
  org_id      uuid not null,
  owner_id    uuid not null,
  month       date not null,
  cycle_days  int not null,
  deals       int not null,
  constraint crm_deal_cycle_month_pk primary key (org_id, owner_id, month, cycle_days)
);

-- The statement that counts what the rows of a statement (or of an organisation, for a rebuild) add (sign 1) or take
-- away (sign -1), in key order so that concurrent writers lock count rows in the same order; source is a query of deal
-- rows with a sign.
create function crm_deal_counts_sql(source text) returns text language sql immutable as $$
  select format($sql$
    with src as (
      select s.*, cast(s.created_at at time zone o.time_zone as date) as created_day
        from (%s) s join people_organisation o on o.org_id = s.org_id
    ), delta as (
      select org_id, owner_id, day, sum(won_amount) as won_amount, sum(won_deals) as won_deals, sum(lost_deals) as lost_deals,
             sum(new_amount) as new_amount, sum(new_deals) as new_deals
        from (
          select org_id, owner_id, close_date as day,
                 sign * case when status = 'WON' then coalesce(amount, 0) else 0 end as won_amount,
                 sign * case when status = 'WON' then 1 else 0 end as won_deals,
                 sign * case when status = 'LOST' then 1 else 0 end as lost_deals,
                 0 as new_amount, 0 as new_deals
            from src where status in ('WON', 'LOST') and close_date is not null
          union all
          select org_id, owner_id, created_day, 0, 0, 0, sign * coalesce(amount, 0), sign from src
        ) c
       group by 1, 2, 3
      having sum(won_amount) <> 0 or sum(won_deals) <> 0 or sum(lost_deals) <> 0 or sum(new_amount) <> 0 or sum(new_deals) <> 0
    ), days as (
      insert into crm_deal_day as c (org_id, owner_id, day, won_amount, won_deals, lost_deals, new_amount, new_deals)
      select * from delta order by 1, 2, 3
      on conflict (org_id, owner_id, day) do update set won_amount = c.won_amount + excluded.won_amount,
        won_deals = c.won_deals + excluded.won_deals, lost_deals = c.lost_deals + excluded.lost_deals,
        new_amount = c.new_amount + excluded.new_amount, new_deals = c.new_deals + excluded.new_deals
    ), months as (
      insert into crm_deal_month as c (org_id, owner_id, month, won_amount, won_deals, lost_deals, new_amount, new_deals)
      select org_id, owner_id, cast(date_trunc('month', day) as date), sum(won_amount), sum(won_deals), sum(lost_deals),
             sum(new_amount), sum(new_deals)
        from delta group by 1, 2, 3 order by 1, 2, 3
      on conflict (org_id, owner_id, month) do update set won_amount = c.won_amount + excluded.won_amount,
        won_deals = c.won_deals + excluded.won_deals, lost_deals = c.lost_deals + excluded.lost_deals,
        new_amount = c.new_amount + excluded.new_amount, new_deals = c.new_deals + excluded.new_deals
    ), cycles as (
      select org_id, owner_id, close_date as day, close_date - coalesce(engaged_on, created_day) as cycle_days, sum(sign) as deals
        from src where status = 'WON' and close_date is not null
       group by 1, 2, 3, 4 having sum(sign) <> 0
    ), cycle_days as (
      insert into crm_deal_cycle_day as c (org_id, owner_id, day, cycle_days, deals)
      select * from cycles order by 1, 2, 3, 4
      on conflict (org_id, owner_id, day, cycle_days) do update set deals = c.deals + excluded.deals
    )
    insert into crm_deal_cycle_month as c (org_id, owner_id, month, cycle_days, deals)
    select org_id, owner_id, cast(date_trunc('month', day) as date), cycle_days, sum(deals)
      from cycles group by 1, 2, 3, 4 order by 1, 2, 3, 4
    on conflict (org_id, owner_id, month, cycle_days) do update set deals = c.deals + excluded.deals
  $sql$, source)
$$;

select create_count_triggers('crm_deal', 'crm_deal_counts', 'crm_deal_counts_sql');

create function crm_deal_counts_rebuild(org uuid) returns void language plpgsql as $$
begin
  delete from crm_deal_day where org_id = org;
  delete from crm_deal_month where org_id = org;
  delete from crm_deal_cycle_day where org_id = org;
  delete from crm_deal_cycle_month where org_id = org;
  execute crm_deal_counts_sql(format('select *, 1 as sign from crm_deal where org_id = %L', org));
end $$;

-- A new time zone moves creation days: rebuild the deal counts along with the activity counts.
create or replace function crm_activity_counts_zone_changed() returns trigger language plpgsql as $$
begin
  perform crm_activity_counts_rebuild(new.org_id);
  perform crm_deal_counts_rebuild(new.org_id);
  return null;
end $$;

select crm_deal_counts_rebuild(org_id) from people_organisation;

create view crm_deal_day_v as
  select org_id, owner_id, day, won_amount, won_deals, lost_deals, new_amount, new_deals from crm_deal_day;
create view crm_deal_month_v as
  select org_id, owner_id, month, won_amount, won_deals, lost_deals, new_amount, new_deals from crm_deal_month;
create view crm_deal_cycle_day_v as select org_id, owner_id, day, cycle_days, deals from crm_deal_cycle_day;
create view crm_deal_cycle_month_v as select org_id, owner_id, month, cycle_days, deals from crm_deal_cycle_month;

-- Statistics for the planner right away, not at the next autovacuum.
analyze crm_deal_day;
analyze crm_deal_month;
analyze crm_deal_cycle_day;
analyze crm_deal_cycle_month;
