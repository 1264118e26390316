-- The product catalogue, its prices per currency and the line items of deals. A deal with lines has the lines' total as
-- its amount: crm keeps crm_deal.amount in step whenever the lines change, so every figure that reads amounts stays as
-- it is. A line keeps the unit price it was sold at; a later price change leaves it alone.

create table crm_product (
  org_id     uuid not null,
  id         uuid not null,
  name       text not null,
  code       text,
  active     boolean not null default true,
  created_at timestamptz not null,
  updated_at timestamptz not null,
  updated_by text,
  version    integer not null default 0,
  constraint crm_product_pk primary key (org_id, id),
  constraint crm_product_org_fk foreign key (org_id) references people_organisation (org_id),
  constraint crm_product_name_ck check (length(trim(name)) > 0)
);
create unique index crm_product_name_uq on crm_product (org_id, lower(name));
create unique index crm_product_code_uq on crm_product (org_id, lower(code)) where code is not null;
select platform_isolate_tenant('crm_product');

create table crm_product_price (
  org_id     uuid not null,
  product_id uuid not null,
  currency   char(3) not null,
  unit_price numeric(18, 2) not null,
  constraint crm_product_price_pk primary key (org_id, product_id, currency),
  constraint crm_product_price_product_fk foreign key (org_id, product_id) references crm_product (org_id, id) on delete cascade,
  constraint crm_product_price_ck check (unit_price >= 0)
);
select platform_isolate_tenant('crm_product_price');

create table crm_deal_line (
  org_id       uuid not null,
  id           uuid not null,
  deal_id      uuid not null,
  product_id   uuid not null,
  position     integer not null,
  quantity     numeric(18, 4) not null,
  unit_price   numeric(18, 2) not null,
  discount_pct numeric(5, 2) not null default 0,
  constraint crm_deal_line_pk primary key (org_id, id),
  constraint crm_deal_line_deal_fk foreign key (org_id, deal_id) references crm_deal (org_id, id) on delete cascade,
  constraint crm_deal_line_product_fk foreign key (org_id, product_id) references crm_product (org_id, id),
  constraint crm_deal_line_position_uq unique (org_id, deal_id, position),
  constraint crm_deal_line_quantity_ck check (quantity > 0),
  constraint crm_deal_line_unit_price_ck check (unit_price >= 0),
  constraint crm_deal_line_discount_ck check (discount_pct >= 0 and discount_pct <= 100)
);
create index crm_deal_line_product_idx on crm_deal_line (org_id, product_id);
select platform_isolate_tenant('crm_deal_line');
