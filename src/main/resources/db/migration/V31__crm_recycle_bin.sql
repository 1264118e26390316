-- The recycle bin. Deleting a deal, account, contact or lead no longer removes it: its row stays where it is with
-- deleted_at, deleted_by and bin_id set, and so do the rows that went with it (a deal's activities; an account's
-- contacts, deals and their activities). One entry of crm_recycle_bin says what was deleted, by whom, when, and whose
-- line may restore it. Restoring clears the three columns of every row of the entry; once the retention has passed
-- (tandem.recycle-bin.retention) a job deletes the rows for good. A deal's history, buying group and ticked criteria
-- never move: they are seen through the deal. Live queries ask for deleted_at is null, which the partial indexes
-- below serve; the published views and the count tables leave the bin out, so no list or figure sees it.

create table crm_recycle_bin (
  org_id     uuid not null,
  id         uuid not null,
  kind       text not null,
  record_id  uuid not null,
  label      text not null,
  -- Whose line may see and restore the entry: the record's owner (a contact's is its account's); an unassigned lead
  -- has its team instead, whose routers may.
  owner_id   uuid,
  team_id    uuid,
  deleted_at timestamptz not null,
  deleted_by uuid not null,
  constraint crm_recycle_bin_pk primary key (org_id, id),
  constraint crm_recycle_bin_record_uq unique (org_id, record_id),
  constraint crm_recycle_bin_kind_ck check (kind in ('DEAL', 'ACCOUNT', 'CONTACT', 'LEAD')),
  constraint crm_recycle_bin_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint crm_recycle_bin_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint crm_recycle_bin_deleted_by_fk foreign key (org_id, deleted_by) references people_user (org_id, id)
);
create index crm_recycle_bin_deleted_idx on crm_recycle_bin (deleted_at);

-- On every table whose rows go into the bin: when and by whom, and the entry that holds the row; all three or none.
do $$
declare
  t text;
begin
  foreach t in array array['crm_account', 'crm_contact', 'crm_deal', 'crm_activity', 'crm_lead'] loop
    execute format($sql$
      alter table %1$s add column deleted_at timestamptz, add column deleted_by uuid, add column bin_id uuid,
        add constraint %1$s_deleted_by_fk foreign key (org_id, deleted_by) references people_user (org_id, id),
        add constraint %1$s_bin_fk foreign key (org_id, bin_id) references crm_recycle_bin (org_id, id),
        add constraint %1$s_deleted_ck check ((deleted_at is null) = (bin_id is null) and (deleted_by is null) = (bin_id is null))
    $sql$, t);
    -- What an entry holds, for restoring and purging it, and for the foreign key's check when the entry goes.
    execute format('create index %1$s_bin_idx on %1$s (org_id, bin_id) where bin_id is not null', t);
  end loop;
end $$;

-- The binned deals and leads by id, which the views below leave out.
create index crm_deal_binned_idx on crm_deal (org_id, id) where deleted_at is not null;
create index crm_lead_binned_idx on crm_lead (org_id, id) where deleted_at is not null;

-- The indexes lists and pickers use, for live rows only. Those that foreign keys need (a contact's or deal's account,
-- an activity's deal and account) keep every row, so purging an account or deal finds what refers to it.
drop index crm_account_owner_idx;
create index crm_account_owner_idx on crm_account (org_id, owner_id) where deleted_at is null;
drop index crm_account_name_idx;
create index crm_account_name_idx on crm_account (org_id, lower(name)) where deleted_at is null;
drop index crm_account_created_idx;
create index crm_account_created_idx on crm_account (org_id, created_at) where deleted_at is null;
drop index crm_deal_owner_idx;
create index crm_deal_owner_idx on crm_deal (org_id, owner_id, status) where deleted_at is null;
drop index crm_deal_stage_idx;
create index crm_deal_stage_idx on crm_deal (org_id, stage_id) where status = 'OPEN' and deleted_at is null;
drop index crm_deal_close_idx;
create index crm_deal_close_idx on crm_deal (org_id, status, close_date) where deleted_at is null;
drop index crm_deal_created_idx;
create index crm_deal_created_idx on crm_deal (org_id, created_at) where deleted_at is null;
drop index crm_activity_owner_idx;
create index crm_activity_owner_idx on crm_activity (org_id, owner_id, occurred_at) where deleted_at is null;
drop index crm_activity_open_tasks_idx;
create index crm_activity_open_tasks_idx on crm_activity (org_id, owner_id, due_at) where not done and deleted_at is null;
drop index crm_lead_owner_idx;
create index crm_lead_owner_idx on crm_lead (org_id, owner_id, status) where deleted_at is null;
drop index crm_lead_team_idx;
create index crm_lead_team_idx on crm_lead (org_id, team_id, status) where deleted_at is null;
drop index crm_lead_created_idx;
create index crm_lead_created_idx on crm_lead (org_id, created_at) where deleted_at is null;
drop index crm_lead_qualified_idx;
create index crm_lead_qualified_idx on crm_lead (org_id, qualified_at) where qualified_at is not null and deleted_at is null;

-- The published views show live records only; a binned deal's history goes with it, and so does a binned lead's
-- routing log.
create or replace view crm_deal_v as
select org_id, id, account_id, owner_id, title, amount, close_date, pipeline_id, stage_id, status, forecast_category,
       category_overridden, next_step, next_step_date, source, lost_reason, engaged_on, closed_at, stage_entered_at,
       last_activity_at, last_reviewed_at, created_at, updated_at
  from crm_deal where deleted_at is null;

create or replace view crm_deal_stage_change_v as
select h.org_id, h.id, h.deal_id, h.from_stage_id, h.to_stage_id, h.changed_at, h.changed_by from crm_deal_stage_history h
 where not exists (select 1 from crm_deal d where d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is not null);

create or replace view crm_deal_field_change_v as
select h.org_id, h.id, h.deal_id, h.field, h.old_value, h.new_value, h.changed_at, h.changed_by from crm_deal_field_history h
 where not exists (select 1 from crm_deal d where d.org_id = h.org_id and d.id = h.deal_id and d.deleted_at is not null);

create or replace view crm_activity_v as
select org_id, id, type, channel, direction, subject, occurred_at, due_at, done, deal_id, account_id, owner_id, logged_by, joint
  from crm_activity where deleted_at is null;

create or replace view crm_lead_v as
select org_id, id, person_name, company, source, campaign, status, team_id, owner_id, account_id, deal_id, created_at, qualified_at,
       converted_at
  from crm_lead where deleted_at is null;

create or replace view crm_lead_assignment_v as
select a.org_id, a.id, a.lead_id, a.team_id, a.assigned_to, a.rule, a.assigned_at from crm_lead_assignment a
 where not exists (select 1 from crm_lead l where l.org_id = a.org_id and l.id = a.lead_id and l.deleted_at is not null);

create or replace view crm_account_v as
select org_id, id, owner_id, name, created_at from crm_account where deleted_at is null;

-- A binned deal's stays are kept with its history, for the restore, but not shown.
create or replace view crm_deal_stay_v as
select s.org_id, s.id, s.deal_id, s.stage_id, s.entered_at, s.left_at, s.later_max from crm_deal_stay s
 where not exists (select 1 from crm_deal d where d.org_id = s.org_id and d.id = s.deal_id and d.deleted_at is not null);

-- The count tables count live rows only: moving a row into the bin takes it out of them, restoring puts it back, and
-- purging a binned row changes nothing. The statements of V21 and V22 now read the rows a statement changed through a
-- filter that leaves binned rows out, and the triggers are written out again from them.
alter function crm_activity_counts_sql(text) rename to crm_activity_counts_all_sql;
create function crm_activity_counts_sql(source text) returns text language sql immutable as $$
  select crm_activity_counts_all_sql(format('select * from (%s) live where live.deleted_at is null', source))
$$;

alter function crm_deal_counts_sql(text) rename to crm_deal_counts_all_sql;
create function crm_deal_counts_sql(source text) returns text language sql immutable as $$
  select crm_deal_counts_all_sql(format('select * from (%s) live where live.deleted_at is null', source))
$$;

do $$
declare
  t record;
  op text;
begin
  for t in select * from (values ('crm_activity', 'crm_activity_counts'), ('crm_deal', 'crm_deal_counts')) v(tbl, prefix) loop
    foreach op in array array['insert', 'update', 'delete'] loop
      execute format('drop trigger %s_%s on %s', t.prefix, op, t.tbl);
      execute format('drop function %s_on_%s()', t.prefix, op);
    end loop;
  end loop;
end $$;

select create_count_triggers('crm_activity', 'crm_activity_counts', 'crm_activity_counts_sql');
select create_count_triggers('crm_deal', 'crm_deal_counts', 'crm_deal_counts_sql');
