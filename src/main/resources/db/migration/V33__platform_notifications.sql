-- Notices for one person: what happened that they would want to know (a goal of theirs reached, ...), written by
-- the module that knows, shown in the bell of the top bar and on /notifications. The text is written in the
-- recipient's language when the notice is made, as an e-mail would be. A notice is made once per key: a listener
-- that runs again for the same event (after a crash, a retry) finds it there and adds nothing. A link is a path
-- inside Tandem, never another site.
create table platform_notification (
  org_id       uuid not null,
  id           uuid not null,
  user_id uuid not null,
  kind         text not null,
  notice_key   text not null,
  title        text not null,
  body         text,
  link         text,
  created_at   timestamptz not null,
  read_at      timestamptz,
  constraint platform_notification_pk primary key (org_id, id),
  constraint platform_notification_once_uq unique (org_id, user_id, notice_key),
  constraint platform_notification_link_ck check (link is null or link ~ '^/[A-Za-z0-9]')
);
create index platform_notification_unread_idx on platform_notification (org_id, user_id, id desc) where read_at is null;
create index platform_notification_user_idx on platform_notification (org_id, user_id, id desc);

select platform_isolate_tenant('platform_notification');
