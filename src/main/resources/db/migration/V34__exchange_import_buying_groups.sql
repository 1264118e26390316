-- A file of buying groups (deal, contact, role) is imported on its own like the other kinds a single file holds; the
-- check left it out, so such an upload failed in the database.
alter table exchange_import drop constraint exchange_import_kind_ck;
alter table exchange_import add constraint exchange_import_kind_ck check (kind in ('TEAMS', 'USERS', 'ACCOUNTS', 'CONTACTS',
  'DEALS', 'DEAL_HISTORY', 'STAKEHOLDERS', 'ACTIVITIES', 'LEADS', 'ORGANISATION'));
