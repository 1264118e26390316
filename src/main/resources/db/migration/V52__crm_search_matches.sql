-- Global search asks this function which live deals, accounts, contacts and leads of the session's organisation have
-- a name, title, company or e-mail address like the query (word similarity <%, similarity %, or the ilike pattern).
--
-- Why a function: row-level security lets PostgreSQL use an index only for conditions whose operators are leakproof,
-- so that a row of another organisation never reaches a function before the policy has refused it. pg_trgm's
-- operators are not marked leakproof, so under the policies (the application's role) every search read every row and
-- computed its similarity. This function runs as the owner of the tables (security definer), to whom the policies do
-- not apply, so each condition is answered by its trigram index (V48); it reads only the organisation the session is
-- set to, from the same setting the policies read, and answers ids only. The callers choose among them with their
-- lists' visibility rules, under the policies as always. Sequential scans are off inside it: the planner prices the
-- similarity of a row as cheap as an equality test, so on small tables it would read every row instead of the index.
-- Each condition is a select of its own: joined by "or", the planner reads the same index several times and combines
-- the results, which measured several times slower than the union of the single lookups.
create function crm_search_matches(q text, pattern text)
returns table (kind text, id uuid)
language sql stable security definer
set search_path from current
set enable_seqscan = off
as $$
  with org as (select nullif(current_setting('tandem.org_id', true), '')::uuid as id)
  select 'DEAL', d.id from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and q <% d.title
  union select 'DEAL', d.id from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and q % d.title
  union select 'DEAL', d.id from crm_deal d join org on d.org_id = org.id where d.deleted_at is null and d.title ilike pattern
  union select 'ACCOUNT', a.id from crm_account a join org on a.org_id = org.id where a.deleted_at is null and q <% a.name
  union select 'ACCOUNT', a.id from crm_account a join org on a.org_id = org.id where a.deleted_at is null and q % a.name
  union select 'ACCOUNT', a.id from crm_account a join org on a.org_id = org.id where a.deleted_at is null and a.name ilike pattern
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q <% c.name
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q % c.name
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and c.name ilike pattern
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q <% c.email
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and q % c.email
  union select 'CONTACT', c.id from crm_contact c join org on c.org_id = org.id where c.deleted_at is null and c.email ilike pattern
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.person_name
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.person_name
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.person_name ilike pattern
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.company
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.company
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.company ilike pattern
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q <% l.email
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and q % l.email
  union select 'LEAD', l.id from crm_lead l join org on l.org_id = org.id where l.deleted_at is null and l.email ilike pattern
$$;
