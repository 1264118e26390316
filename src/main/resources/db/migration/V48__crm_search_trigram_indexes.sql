-- Global search finds accounts, contacts, deals and leads by a few letters of a name, e-mail address, company or deal
-- title, misspelt too: pg_trgm's word similarity (operator <%) and substring match (ilike), both answered by GIN
-- trigram indexes on the live rows. pg_trgm ships with PostgreSQL (contrib) and is a trusted extension, so the role
-- that migrates may create it when it may create objects in the database (see docs/operating.md).
create extension if not exists pg_trgm;

create index crm_account_name_trgm_idx on crm_account using gin (name gin_trgm_ops) where deleted_at is null;
create index crm_contact_name_trgm_idx on crm_contact using gin (name gin_trgm_ops) where deleted_at is null;
create index crm_contact_email_trgm_idx on crm_contact using gin (email gin_trgm_ops) where deleted_at is null;
create index crm_deal_title_trgm_idx on crm_deal using gin (title gin_trgm_ops) where deleted_at is null;
create index crm_lead_person_name_trgm_idx on crm_lead using gin (person_name gin_trgm_ops) where deleted_at is null;
create index crm_lead_company_trgm_idx on crm_lead using gin (company gin_trgm_ops) where deleted_at is null;
create index crm_lead_email_trgm_idx on crm_lead using gin (email gin_trgm_ops) where deleted_at is null;
