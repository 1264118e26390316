-- Whether a user chose their language themselves. Until they do, the pages follow their browser's language; the stored
-- locale (the organisation's default when they were added) is what e-mails and notices use. Users from before keep the
-- language they have as chosen.
alter table people_user add column locale_chosen boolean not null default true;
