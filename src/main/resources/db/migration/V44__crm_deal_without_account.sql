-- A deal may come without an account when an import brings it so (the admin's choice); the foreign key stays for the rest.
-- The views over crm_deal select the column as it is, so they keep working and show null.
alter table crm_deal alter column account_id drop not null;
