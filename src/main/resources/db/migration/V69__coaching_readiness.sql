-- Manager readiness: an assessment of a candidate on the six competencies of a manager, started by one of the
-- candidate's line managers, with 360 input from invited raters (the candidate, their manager, peers, partner
-- departments) and, at the end, a summary with the areas to develop.
create table coaching_readiness_assessment (
  org_id            uuid not null,
  id                uuid not null,
  candidate_id      uuid not null,
  started_by        uuid not null,
  scale             smallint not null,
  status            text not null,
  summary           text,
  development_areas text[] not null default '{}',
  summary_note      text,
  started_at        timestamptz not null,
  concluded_at      timestamptz,
  version           integer not null default 0,
  updated_at        timestamptz not null,
  updated_by        text,
  constraint coaching_readiness_assessment_pk primary key (org_id, id),
  constraint coaching_readiness_assessment_candidate_fk foreign key (org_id, candidate_id) references people_user (org_id, id),
  constraint coaching_readiness_assessment_started_by_fk foreign key (org_id, started_by) references people_user (org_id, id),
  constraint coaching_readiness_assessment_scale_ck check (scale in (5, 10)),
  constraint coaching_readiness_assessment_status_ck check (status in ('OPEN', 'CONCLUDED')),
  constraint coaching_readiness_assessment_summary_ck check (summary is null or summary in ('READY_NOW', 'READY_6_12_MONTHS', 'NOT_YET'))
);
create index coaching_readiness_assessment_candidate_ix on coaching_readiness_assessment (org_id, candidate_id);
select platform_isolate_tenant('coaching_readiness_assessment');

-- One invitation per rater and assessment; answered_at is set once, with the scores, and never again.
create table coaching_readiness_rater (
  org_id        uuid not null,
  id            uuid not null,
  assessment_id uuid not null,
  rater_id      uuid not null,
  relation      text not null,
  invited_by    uuid not null,
  invited_at    timestamptz not null,
  answered_at   timestamptz,
  constraint coaching_readiness_rater_pk primary key (org_id, id),
  constraint coaching_readiness_rater_assessment_fk foreign key (org_id, assessment_id) references coaching_readiness_assessment (org_id, id),
  constraint coaching_readiness_rater_user_fk foreign key (org_id, rater_id) references people_user (org_id, id),
  constraint coaching_readiness_rater_invited_by_fk foreign key (org_id, invited_by) references people_user (org_id, id),
  constraint coaching_readiness_rater_uq unique (org_id, assessment_id, rater_id),
  constraint coaching_readiness_rater_relation_ck check (relation in ('SELF', 'MANAGER', 'PEER', 'PARTNER'))
);
create index coaching_readiness_rater_user_ix on coaching_readiness_rater (org_id, rater_id);
select platform_isolate_tenant('coaching_readiness_rater');

-- A rater's score and comment per competency.
create table coaching_readiness_score (
  org_id     uuid not null,
  rater_row  uuid not null,
  competency text not null,
  score      smallint not null,
  comment    text,
  constraint coaching_readiness_score_pk primary key (org_id, rater_row, competency),
  constraint coaching_readiness_score_rater_fk foreign key (org_id, rater_row) references coaching_readiness_rater (org_id, id),
  constraint coaching_readiness_score_range_ck check (score between 1 and 10)
);
select platform_isolate_tenant('coaching_readiness_score');
