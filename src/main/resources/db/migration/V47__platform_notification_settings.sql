-- Which kinds of notice a person wants: a row only where they chose differently from the kind's default, so a kind a
-- module adds later starts at its default for everyone. The kinds themselves are declared in code by the modules.
create table platform_notification_setting (
  org_id   uuid not null,
  user_id  uuid not null,
  kind     text not null,
  enabled  boolean not null,
  constraint platform_notification_setting_pk primary key (org_id, user_id, kind)
);

select platform_isolate_tenant('platform_notification_setting');
