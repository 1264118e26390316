-- Global search asks this function which colleagues of the session's organisation have a name or e-mail address like
-- the query, for the same reason and under the same rules as crm_search_matches (V52): run as the owner of the table so
-- that the trigram indexes (V48_1) answer, reading only the organisation the session is set to, answering ids only.
create function people_search_matches(q text, pattern text)
returns setof uuid
language sql stable security definer
set search_path from current
set enable_seqscan = off
as $$
  with org as (select nullif(current_setting('tandem.org_id', true), '')::uuid as id)
  select u.id from people_user u join org on u.org_id = org.id where q <% u.display_name
  union select u.id from people_user u join org on u.org_id = org.id where q % u.display_name
  union select u.id from people_user u join org on u.org_id = org.id where u.display_name ilike pattern
  union select u.id from people_user u join org on u.org_id = org.id where q <% u.email
  union select u.id from people_user u join org on u.org_id = org.id where q % u.email
  union select u.id from people_user u join org on u.org_id = org.id where u.email ilike pattern
$$;
