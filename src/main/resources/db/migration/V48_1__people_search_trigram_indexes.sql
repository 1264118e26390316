-- Global search finds colleagues by a few letters of their name or e-mail address, misspelt too, with the pg_trgm
-- extension that V48 creates.
create index people_user_display_name_trgm_idx on people_user using gin (display_name gin_trgm_ops);
create index people_user_email_trgm_idx on people_user using gin (email gin_trgm_ops);
