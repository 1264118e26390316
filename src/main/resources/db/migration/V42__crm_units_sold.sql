-- Units of each product sold: the quantities on the lines of won deals, by owner and close date, published for goals
-- and insight. A binned deal's lines do not count.

create view crm_deal_units_v with (security_invoker = true) as
select d.org_id, d.owner_id, d.close_date as day, l.product_id, sum(l.quantity) as units
  from crm_deal d join crm_deal_line l on l.org_id = d.org_id and l.deal_id = d.id
 where d.deleted_at is null and d.status = 'WON' and d.close_date is not null
 group by d.org_id, d.owner_id, d.close_date, l.product_id;

-- The catalogue as other modules read it: goals name the product they count. Both views read as whoever queries
-- them, so the row-level policies hold through them.
create view crm_product_v with (security_invoker = true) as select org_id, id, name, code, active from crm_product;
