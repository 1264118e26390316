-- Organisations, users, teams (a hierarchy of any depth; departments are teams of another kind)
-- and memberships with validity dates, so moving a rep keeps the history.

create table people_organisation (
  org_id                  uuid not null,
  name                    text not null,
  time_zone               text not null,
  currency                char(3) not null,
  locale                  text not null,
  fiscal_year_start_month smallint not null,
  created_at              timestamptz not null default now(),
  version                 int not null default 0,
  constraint people_organisation_pk primary key (org_id),
  constraint people_organisation_fiscal_month_ck check (fiscal_year_start_month between 1 and 12),
  constraint people_organisation_locale_ck check (locale in ('en', 'nl'))
);

create table people_user (
  org_id        uuid not null,
  id            uuid not null,
  email         text not null,
  display_name  text not null,
  role          text not null,
  locale        text not null,
  password_hash text,
  active        boolean not null default true,
  created_at    timestamptz not null default now(),
  updated_at    timestamptz not null default now(),
  updated_by    text,
  version       int not null default 0,
  constraint people_user_pk primary key (org_id, id),
  constraint people_user_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint people_user_email_uq unique (org_id, email),
  constraint people_user_role_ck check (role in ('ADMIN', 'EXECUTIVE', 'MANAGER', 'REP', 'PARTNER')),
  constraint people_user_locale_ck check (locale in ('en', 'nl')),
  constraint people_user_email_ck check (email = lower(email) and position('@' in email) > 1)
);
-- An e-mail address is a login name, so it identifies one user across the whole installation.
create unique index people_user_login_uq on people_user (email);

create table people_team (
  org_id     uuid not null,
  id         uuid not null,
  name       text not null,
  kind       text not null,
  parent_id  uuid,
  leader_id  uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by text,
  version    int not null default 0,
  constraint people_team_pk primary key (org_id, id),
  constraint people_team_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint people_team_parent_fk foreign key (org_id, parent_id) references people_team (org_id, id),
  constraint people_team_leader_fk foreign key (org_id, leader_id) references people_user (org_id, id),
  constraint people_team_kind_ck check (kind in ('SALES', 'MARKETING', 'OPERATIONS', 'CUSTOMER_SERVICE', 'ENABLEMENT')),
  constraint people_team_not_own_parent_ck check (parent_id is null or parent_id <> id),
  constraint people_team_name_uq unique (org_id, name)
);
create index people_team_parent_idx on people_team (org_id, parent_id);
create index people_team_leader_idx on people_team (org_id, leader_id);

create table people_membership (
  org_id     uuid not null,
  id         uuid not null,
  team_id    uuid not null,
  user_id    uuid not null,
  valid_from date not null,
  valid_to   date,
  constraint people_membership_pk primary key (org_id, id),
  constraint people_membership_team_fk foreign key (org_id, team_id) references people_team (org_id, id),
  constraint people_membership_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  -- valid_to is exclusive: a membership ending on the day another starts leaves no gap and no overlap.
  constraint people_membership_period_ck check (valid_to is null or valid_to > valid_from)
);
create index people_membership_team_idx on people_membership (org_id, team_id);
create index people_membership_user_idx on people_membership (org_id, user_id);

create table people_api_token (
  org_id       uuid not null,
  id           uuid not null,
  user_id      uuid not null,
  name         text not null,
  token_hash   bytea not null,
  hint         text not null,
  created_at   timestamptz not null default now(),
  last_used_at timestamptz,
  revoked_at   timestamptz,
  constraint people_api_token_pk primary key (org_id, id),
  constraint people_api_token_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint people_api_token_hash_uq unique (token_hash)
);

-- One-time links to set a password: invitations and resets. Only the hash of the secret is kept.
create table people_password_link (
  org_id     uuid not null,
  id         uuid not null,
  user_id    uuid not null,
  token_hash bytea not null,
  purpose    text not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at    timestamptz,
  constraint people_password_link_pk primary key (org_id, id),
  constraint people_password_link_user_fk foreign key (org_id, user_id) references people_user (org_id, id),
  constraint people_password_link_hash_uq unique (token_hash),
  constraint people_password_link_purpose_ck check (purpose in ('INVITE', 'RESET'))
);

-- Failed sign-ins, counted per account and per client address for throttling. Keyed before the
-- organisation is known, so it is an installation-wide table without org_id.
create table people_login_failure (
  subject   text not null,
  failed_at timestamptz not null default now()
);
create index people_login_failure_subject_idx on people_login_failure (subject, failed_at);
