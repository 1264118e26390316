-- Global search keeps, of each kind, the 500 records most like the query (V52 answered every match). A word that is in
-- nearly every name (every account of an organisation called "... Holding") matched them all, and the search then
-- weighed every deal and contact of every one of them against the viewer's visibility. The candidates are ranked by
-- word similarity plus whole similarity of their nearest text; which of them the viewer may see is still decided by the
-- callers, so a broad word finds, for a rep, their own records among the organisation's most similar 500 of each kind.
create or replace function crm_search_matches(q text, pattern text)
returns table (kind text, id uuid)
language sql stable security definer
set search_path from current
set enable_seqscan = off
as $$
  with org as (select nullif(current_setting('tandem.org_id', true), '')::uuid as id),
  matched as (
    select 'DEAL' as kind, d.id, word_similarity(q, d.title) + similarity(q, d.title) as rank from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and q <% d.title
    union all select 'DEAL' as kind, d.id, word_similarity(q, d.title) + similarity(q, d.title) as rank from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and q % d.title
    union all select 'DEAL' as kind, d.id, word_similarity(q, d.title) + similarity(q, d.title) as rank from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and d.title ilike pattern
    union all select 'ACCOUNT' as kind, a.id, word_similarity(q, a.name) + similarity(q, a.name) as rank from crm_account a join org on a.org_id = org.id where a.deleted_at is null and q <% a.name
    union all select 'ACCOUNT' as kind, a.id, word_similarity(q, a.name) + similarity(q, a.name) as rank from crm_account a join org on a.org_id = org.id where a.deleted_at is null and q % a.name
    union all select 'ACCOUNT' as kind, a.id, word_similarity(q, a.name) + similarity(q, a.name) as rank from crm_account a join org on a.org_id = org.id where a.deleted_at is null and a.name ilike pattern
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.name) + similarity(q, c.name) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q <% c.name
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.name) + similarity(q, c.name) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q % c.name
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.name) + similarity(q, c.name) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and c.name ilike pattern
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.email) + similarity(q, c.email) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q <% c.email
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.email) + similarity(q, c.email) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q % c.email
    union all select 'CONTACT' as kind, c.id, word_similarity(q, c.email) + similarity(q, c.email) as rank from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and c.email ilike pattern
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.person_name) + similarity(q, l.person_name) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.person_name
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.person_name) + similarity(q, l.person_name) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.person_name
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.person_name) + similarity(q, l.person_name) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.person_name ilike pattern
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.company) + similarity(q, l.company) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.company
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.company) + similarity(q, l.company) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.company
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.company) + similarity(q, l.company) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.company ilike pattern
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.email) + similarity(q, l.email) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.email
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.email) + similarity(q, l.email) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.email
    union all select 'LEAD' as kind, l.id, word_similarity(q, l.email) + similarity(q, l.email) as rank from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.email ilike pattern
  ),
  ranked as (
    select m.kind, m.id, row_number() over (partition by m.kind order by max(m.rank) desc, m.id) as n
      from matched m group by m.kind, m.id
  )
  select r.kind, r.id from ranked r where r.n <= 500
$$;
