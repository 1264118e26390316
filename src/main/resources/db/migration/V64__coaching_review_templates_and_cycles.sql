-- Review templates: named sets of sections (a title and guidance per section, in English and Dutch) that a review is
-- written along. Two are shipped to every organisation (code REP and MANAGER); admins edit them and add their own.
-- A review cycle is a round of reviews over a period (e.g. a half-year) for a set of people.

create table coaching_review_template (
  org_id     uuid not null,
  id         uuid not null,
  code       text,
  name       text not null,
  name_nl    text not null,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by text,
  version    integer not null default 0,
  constraint coaching_review_template_pk primary key (org_id, id),
  constraint coaching_review_template_code_ck check (code is null or code in ('REP', 'MANAGER')),
  constraint coaching_review_template_name_ck check (length(trim(name)) between 1 and 120 and length(trim(name_nl)) between 1 and 120)
);
create unique index coaching_review_template_code_uq on coaching_review_template (org_id, code) where code is not null;
select platform_isolate_tenant('coaching_review_template');

create table coaching_review_template_section (
  org_id      uuid not null,
  template_id uuid not null,
  position    integer not null,
  title       text not null,
  title_nl    text not null,
  guidance    text not null default '',
  guidance_nl text not null default '',
  constraint coaching_review_template_section_pk primary key (org_id, template_id, position),
  constraint coaching_review_template_section_template_fk foreign key (org_id, template_id)
    references coaching_review_template (org_id, id) on delete cascade,
  constraint coaching_review_template_section_title_ck check (length(trim(title)) between 1 and 120 and length(trim(title_nl)) between 1 and 120)
);
select platform_isolate_tenant('coaching_review_template_section');

create table coaching_review_cycle (
  org_id       uuid not null,
  id           uuid not null,
  name         text not null,
  period_start date not null,
  period_end   date not null,
  created_by   uuid not null,
  created_at   timestamptz not null,
  version      integer not null default 0,
  constraint coaching_review_cycle_pk primary key (org_id, id),
  constraint coaching_review_cycle_creator_fk foreign key (org_id, created_by) references people_user (org_id, id),
  constraint coaching_review_cycle_period_ck check (period_end > period_start),
  constraint coaching_review_cycle_name_ck check (length(trim(name)) between 1 and 120)
);
select platform_isolate_tenant('coaching_review_cycle');
