-- 1:1s: a series per manager and rep with its cadence, the meetings planned ahead from it (kept as rows, so planned
-- and held can be counted per month), each meeting's shared agenda, its notes (shared, or private to their author)
-- and the actions agreed in the series. A meeting held keeps the rep's numbers of that day as JSON (its snapshot).

create table coaching_one_on_one (
  org_id      uuid not null,
  id          uuid not null,
  manager_id  uuid not null,
  rep_id      uuid not null,
  cadence     text not null,
  weekday     smallint not null,
  start_time  time not null,
  minutes     smallint not null default 30,
  starts_on   date not null,
  ended_on    date,
  created_at  timestamptz not null,
  version     integer not null default 0,
  constraint coaching_one_on_one_pk primary key (org_id, id),
  constraint coaching_one_on_one_manager_fk foreign key (org_id, manager_id) references people_user (org_id, id),
  constraint coaching_one_on_one_rep_fk foreign key (org_id, rep_id) references people_user (org_id, id),
  constraint coaching_one_on_one_cadence_ck check (cadence in ('WEEKLY', 'FORTNIGHTLY', 'MONTHLY')),
  constraint coaching_one_on_one_weekday_ck check (weekday between 1 and 7),
  constraint coaching_one_on_one_minutes_ck check (minutes between 5 and 480),
  constraint coaching_one_on_one_people_ck check (manager_id <> rep_id)
);
create unique index coaching_one_on_one_pair_uq on coaching_one_on_one (org_id, manager_id, rep_id) where ended_on is null;
create index coaching_one_on_one_rep_ix on coaching_one_on_one (org_id, rep_id);
select platform_isolate_tenant('coaching_one_on_one');

create table coaching_meeting (
  org_id      uuid not null,
  id          uuid not null,
  one_on_one_id   uuid not null,
  planned_at  timestamptz not null,
  held_at     timestamptz,
  snapshot    jsonb,
  version     integer not null default 0,
  constraint coaching_meeting_pk primary key (org_id, id),
  constraint coaching_meeting_one_on_one_fk foreign key (org_id, one_on_one_id) references coaching_one_on_one (org_id, id),
  constraint coaching_meeting_snapshot_ck check (held_at is not null or snapshot is null)
);
create index coaching_meeting_one_on_one_ix on coaching_meeting (org_id, one_on_one_id, planned_at);
create index coaching_meeting_planned_ix on coaching_meeting (org_id, planned_at);
select platform_isolate_tenant('coaching_meeting');

create table coaching_agenda_item (
  org_id        uuid not null,
  id            uuid not null,
  meeting_id    uuid not null,
  author_id     uuid not null,
  text          text not null,
  done          boolean not null default false,
  carried_from  uuid,
  created_at    timestamptz not null,
  version       integer not null default 0,
  constraint coaching_agenda_item_pk primary key (org_id, id),
  constraint coaching_agenda_item_meeting_fk foreign key (org_id, meeting_id) references coaching_meeting (org_id, id),
  constraint coaching_agenda_item_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_agenda_item_carried_fk foreign key (org_id, carried_from) references coaching_agenda_item (org_id, id),
  constraint coaching_agenda_item_text_ck check (length(trim(text)) between 1 and 500)
);
create index coaching_agenda_item_meeting_ix on coaching_agenda_item (org_id, meeting_id);
select platform_isolate_tenant('coaching_agenda_item');

create table coaching_meeting_note (
  org_id      uuid not null,
  id          uuid not null,
  meeting_id  uuid not null,
  author_id   uuid not null,
  private     boolean not null,
  text        text not null,
  created_at  timestamptz not null,
  version     integer not null default 0,
  constraint coaching_meeting_note_pk primary key (org_id, id),
  constraint coaching_meeting_note_meeting_fk foreign key (org_id, meeting_id) references coaching_meeting (org_id, id),
  constraint coaching_meeting_note_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_meeting_note_text_ck check (length(trim(text)) between 1 and 10000)
);
create index coaching_meeting_note_meeting_ix on coaching_meeting_note (org_id, meeting_id);
select platform_isolate_tenant('coaching_meeting_note');

-- An action is agreed in one meeting (raised_in) and listed on the meeting it is now due for (meeting_id): holding a
-- meeting moves its open actions to the next one.
create table coaching_action (
  org_id      uuid not null,
  id          uuid not null,
  one_on_one_id   uuid not null,
  raised_in   uuid not null,
  meeting_id  uuid not null,
  owner_id    uuid not null,
  text        text not null,
  due_on      date,
  done_at     timestamptz,
  created_by  uuid not null,
  created_at  timestamptz not null,
  version     integer not null default 0,
  constraint coaching_action_pk primary key (org_id, id),
  constraint coaching_action_one_on_one_fk foreign key (org_id, one_on_one_id) references coaching_one_on_one (org_id, id),
  constraint coaching_action_raised_fk foreign key (org_id, raised_in) references coaching_meeting (org_id, id),
  constraint coaching_action_meeting_fk foreign key (org_id, meeting_id) references coaching_meeting (org_id, id),
  constraint coaching_action_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint coaching_action_creator_fk foreign key (org_id, created_by) references people_user (org_id, id),
  constraint coaching_action_text_ck check (length(trim(text)) between 1 and 500)
);
create index coaching_action_meeting_ix on coaching_action (org_id, meeting_id);
create index coaching_action_open_ix on coaching_action (org_id, due_on) where done_at is null;
select platform_isolate_tenant('coaching_action');
