package dev.tandem.crm.persistence;

import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealLine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The line items of deals, in their order; every statement is bound to one organisation.
 */
@Repository
public class DealLines {

	private final JdbcClient jdbc;

	DealLines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<DealLine> ofDeal(UUID orgId, UUID dealId) {
		return jdbc.sql("""
				select l.id, l.product_id, p.name, l.position, l.quantity, l.unit_price, l.discount_pct
				  from crm_deal_line l join crm_product p on p.org_id = l.org_id and p.id = l.product_id
				 where l.org_id = :org and l.deal_id = :deal order by l.position
				""")
			.param("org", orgId).param("deal", dealId)
			.query((rs, n) -> new DealLine(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class), rs.getString("name"),
					rs.getInt("position"), rs.getBigDecimal("quantity").stripTrailingZeros(), rs.getBigDecimal("unit_price"),
					rs.getBigDecimal("discount_pct")))
			.list();
	}

	/** Replaces the deal's lines by these, numbered in their order. */
	public void replace(UUID orgId, UUID dealId, List<DealLine> lines) {
		jdbc.sql("delete from crm_deal_line where org_id = :org and deal_id = :deal").param("org", orgId).param("deal", dealId).update();
		for (DealLine line : lines) {
			jdbc.sql("""
					insert into crm_deal_line (org_id, id, deal_id, product_id, position, quantity, unit_price, discount_pct)
					values (:org, :id, :deal, :product, :position, :quantity, :price, :discount)
					""")
				.param("org", orgId).param("id", line.id()).param("deal", dealId).param("product", line.productId())
				.param("position", line.position()).param("quantity", line.quantity()).param("price", line.unitPrice())
				.param("discount", line.discountPercent()).update();
		}
	}

	public boolean any(UUID orgId, UUID dealId) {
		return jdbc.sql("select exists (select 1 from crm_deal_line where org_id = :org and deal_id = :deal)").param("org", orgId)
			.param("deal", dealId).query(Boolean.class).single();
	}
}
