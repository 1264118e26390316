-- Every stay of a deal in a stage, derived from the stage history: when it began, when it ended (the next change), and
-- the furthest point the deal reached afterwards (a later open stage's position, or 1000 once won). Stage conversion
-- and time in stage (DESIGN.md section 5) read a period's stays by when they began instead of replaying every deal's
-- history. Kept exact by statement-level triggers on the stage history (each touched deal's stays are rebuilt) and
-- rebuilt for an organisation whose stages change position or kind. Published as crm_deal_stay_v.

create table crm_deal_stay (
  org_id     uuid not null,
  id         uuid not null,
  deal_id    uuid not null,
  stage_id   uuid not null,
  entered_at timestamptz not null,
  left_at    timestamptz,
  later_max  int,
  constraint crm_deal_stay_pk primary key (org_id, id)
);
create index crm_deal_stay_entered_idx on crm_deal_stay (org_id, entered_at);
create index crm_deal_stay_deal_idx on crm_deal_stay (org_id, deal_id, entered_at);

-- The statements that rebuild the stays of the deals a query names (columns org_id and deal_id, among others).
create function crm_deal_stays_sql(deals text) returns text language sql immutable as $$
  select format($sql$
    delete from crm_deal_stay s using (select distinct org_id, deal_id from (%1$s) d) x
     where s.org_id = x.org_id and s.deal_id = x.deal_id;
    insert into crm_deal_stay (org_id, id, deal_id, stage_id, entered_at, left_at, later_max)
    select h.org_id, h.id, h.deal_id, h.to_stage_id, h.changed_at, lead(h.changed_at) over w,
           max(case when st.kind = 'WON' then 1000 when st.kind = 'OPEN' then st.position end)
             over (w rows between 1 following and unbounded following)
      from crm_deal_stage_history h
      join (select distinct org_id, deal_id from (%1$s) d) x on x.org_id = h.org_id and x.deal_id = h.deal_id
      join playbook_stage st on st.org_id = h.org_id and st.id = h.to_stage_id
    window w as (partition by h.org_id, h.deal_id order by h.changed_at, h.id)
  $sql$, deals)
$$;

create function crm_deal_stays_rebuild(deals text) returns void language plpgsql as $$
begin
  execute crm_deal_stays_sql(deals);
end $$;

select create_count_triggers('crm_deal_stage_history', 'crm_deal_stays', 'crm_deal_stays_sql');

-- A stage moved or changed kind: what counts as further on changes for every deal of its organisation.
create function crm_deal_stays_stages_changed() returns trigger language plpgsql as $$
declare
  org uuid;
begin
  for org in select distinct n.org_id from new_rows n join old_rows o on o.org_id = n.org_id and o.id = n.id
              where o.position is distinct from n.position or o.kind is distinct from n.kind loop
    perform crm_deal_stays_rebuild(format('select org_id, deal_id from crm_deal_stage_history where org_id = %L', org));
  end loop;
  return null;
end $$;

create trigger crm_deal_stays_stages after update on playbook_stage
  referencing old table as old_rows new table as new_rows for each statement execute function crm_deal_stays_stages_changed();

select crm_deal_stays_rebuild('select org_id, deal_id from crm_deal_stage_history');

create view crm_deal_stay_v as select org_id, id, deal_id, stage_id, entered_at, left_at, later_max from crm_deal_stay;

-- Statistics for the planner right away, not at the next autovacuum.
analyze crm_deal_stay;
