-- A review of one person in a cycle, written along a copy of its template's sections (so editing a template changes
-- only reviews made later). The flow is self-assessment, the manager's assessment, the conversation, then the
-- reviewee's acknowledgement; each step keeps when and by whom. At acknowledgement the reviewee's CRM facts for the
-- period are frozen in snapshot. After that nothing changes in place: a correction archives the signed content as a
-- row of coaching_review_version and the review goes on as the next revision, to be acknowledged again.

create table coaching_review (
  org_id            uuid not null,
  id                uuid not null,
  cycle_id          uuid not null,
  reviewee_id       uuid not null,
  reviewer_id       uuid not null,
  template_id       uuid not null,
  status            text not null,
  self_comment      text,
  self_at           timestamptz,
  overall           integer,
  manager_comment   text,
  coaching_topics   text,
  assessed_at       timestamptz,
  assessed_by       uuid,
  held_on           date,
  held_by           uuid,
  acknowledged_at   timestamptz,
  acknowledge_comment text,
  snapshot          jsonb,
  revision          integer not null default 1,
  corrected_at      timestamptz,
  corrected_by      uuid,
  correction_reason text,
  created_at        timestamptz not null,
  updated_at        timestamptz not null,
  updated_by        text,
  version           integer not null default 0,
  constraint coaching_review_pk primary key (org_id, id),
  constraint coaching_review_cycle_fk foreign key (org_id, cycle_id) references coaching_review_cycle (org_id, id),
  constraint coaching_review_reviewee_fk foreign key (org_id, reviewee_id) references people_user (org_id, id),
  constraint coaching_review_reviewer_fk foreign key (org_id, reviewer_id) references people_user (org_id, id),
  constraint coaching_review_assessor_fk foreign key (org_id, assessed_by) references people_user (org_id, id),
  constraint coaching_review_holder_fk foreign key (org_id, held_by) references people_user (org_id, id),
  constraint coaching_review_corrector_fk foreign key (org_id, corrected_by) references people_user (org_id, id),
  constraint coaching_review_template_fk foreign key (org_id, template_id) references coaching_review_template (org_id, id),
  constraint coaching_review_status_ck check (status in ('SELF_ASSESSMENT', 'ASSESSMENT', 'CONVERSATION', 'ACKNOWLEDGEMENT', 'SIGNED')),
  constraint coaching_review_overall_ck check (overall is null or overall between 1 and 10),
  constraint coaching_review_signed_ck check (status <> 'SIGNED' or (acknowledged_at is not null and snapshot is not null))
);
create unique index coaching_review_person_uq on coaching_review (org_id, cycle_id, reviewee_id);
create index coaching_review_reviewee_idx on coaching_review (org_id, reviewee_id);
create index coaching_review_reviewer_idx on coaching_review (org_id, reviewer_id, status);
select platform_isolate_tenant('coaching_review');

create table coaching_review_item (
  org_id          uuid not null,
  review_id       uuid not null,
  position        integer not null,
  title           text not null,
  title_nl        text not null,
  guidance        text not null default '',
  guidance_nl     text not null default '',
  self_score      integer,
  self_comment    text,
  manager_score   integer,
  manager_comment text,
  constraint coaching_review_item_pk primary key (org_id, review_id, position),
  constraint coaching_review_item_review_fk foreign key (org_id, review_id) references coaching_review (org_id, id) on delete cascade,
  constraint coaching_review_item_scores_ck check ((self_score is null or self_score between 1 and 10)
    and (manager_score is null or manager_score between 1 and 10))
);
select platform_isolate_tenant('coaching_review_item');

create table coaching_review_version (
  org_id      uuid not null,
  review_id   uuid not null,
  revision    integer not null,
  content     jsonb not null,
  replaced_at timestamptz not null,
  replaced_by uuid not null,
  constraint coaching_review_version_pk primary key (org_id, review_id, revision),
  constraint coaching_review_version_review_fk foreign key (org_id, review_id) references coaching_review (org_id, id) on delete cascade,
  constraint coaching_review_version_replacer_fk foreign key (org_id, replaced_by) references people_user (org_id, id)
);
select platform_isolate_tenant('coaching_review_version');
