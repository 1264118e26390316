-- What an undo took back, so the import's page keeps saying it: records removed and set back, memberships removed
-- or moved back, people deactivated (people are never deleted: their names stay on history).
alter table exchange_import add column undo_summary jsonb;

-- A roster imported again reactivates the people an undo deactivated; undoing that import deactivates them again.
alter table exchange_import_record drop constraint exchange_import_record_action_ck;
alter table exchange_import_record add constraint exchange_import_record_action_ck check (action in ('CREATED', 'UPDATED', 'REACTIVATED'));
