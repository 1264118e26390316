-- Help requests ("raise a hand"): a rep (owner_id) asks their line for help on a deal or an account. The rep's line of managers
-- answers in a thread both sides write to; the rep closes it with what they did. A manager may join the deal's next
-- activity (joined_*: the activity is then joint with the rep) or take the deal over, which is recorded with its
-- reason. first_answer_at is the response time's end, kept so the figure does not move when answers are added.
create table coaching_help_request (
  org_id           uuid not null,
  id               uuid not null,
  owner_id         uuid not null,
  deal_id          uuid,
  account_id       uuid,
  question         text not null,
  category         text not null,
  urgency          text not null,
  status           text not null default 'OPEN',
  asked_at         timestamptz not null,
  first_answer_at  timestamptz,
  first_answer_by  uuid,
  resolved_at      timestamptz,
  resolution       text,
  joined_by        uuid,
  joined_at        timestamptz,
  joined_activity  uuid,
  taken_over_by    uuid,
  taken_over_at    timestamptz,
  takeover_reason  text,
  version          int not null default 0,
  constraint coaching_help_request_pk primary key (org_id, id),
  constraint coaching_help_request_owner_fk foreign key (org_id, owner_id) references people_user (org_id, id),
  constraint coaching_help_request_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint coaching_help_request_account_fk foreign key (org_id, account_id) references crm_account (org_id, id) on delete cascade,
  constraint coaching_help_request_answerer_fk foreign key (org_id, first_answer_by) references people_user (org_id, id),
  constraint coaching_help_request_joined_fk foreign key (org_id, joined_by) references people_user (org_id, id),
  constraint coaching_help_request_taken_fk foreign key (org_id, taken_over_by) references people_user (org_id, id),
  constraint coaching_help_request_subject_ck check ((deal_id is null) <> (account_id is null)),
  constraint coaching_help_request_question_ck check (length(trim(question)) between 1 and 2000),
  constraint coaching_help_request_category_ck check (category in ('STAKEHOLDER', 'PRICING', 'COMPETITION', 'PROCESS', 'PRODUCT', 'OTHER')),
  constraint coaching_help_request_urgency_ck check (urgency in ('LOW', 'NORMAL', 'HIGH')),
  constraint coaching_help_request_status_ck check (status in ('OPEN', 'ANSWERED', 'RESOLVED', 'TAKEN_OVER')),
  constraint coaching_help_request_takeover_ck check (status <> 'TAKEN_OVER' or (taken_over_by is not null and takeover_reason is not null))
);
create index coaching_help_request_owner_idx on coaching_help_request (org_id, owner_id, asked_at);
create index coaching_help_request_deal_idx on coaching_help_request (org_id, deal_id) where deal_id is not null;
create index coaching_help_request_account_idx on coaching_help_request (org_id, account_id) where account_id is not null;
select platform_isolate_tenant('coaching_help_request');

create table coaching_help_answer (
  org_id      uuid not null,
  id          uuid not null,
  request_id  uuid not null,
  author_id   uuid not null,
  text        text not null,
  created_at  timestamptz not null,
  constraint coaching_help_answer_pk primary key (org_id, id),
  constraint coaching_help_answer_request_fk foreign key (org_id, request_id) references coaching_help_request (org_id, id) on delete cascade,
  constraint coaching_help_answer_author_fk foreign key (org_id, author_id) references people_user (org_id, id),
  constraint coaching_help_answer_text_ck check (length(trim(text)) between 1 and 4000)
);
create index coaching_help_answer_request_idx on coaching_help_answer (org_id, request_id, created_at);
select platform_isolate_tenant('coaching_help_answer');
