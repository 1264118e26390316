package dev.tandem.crm.persistence;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.crm.Product;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The product catalogue and its price lists; every statement is bound to one organisation.
 */
@Repository
public class Products {

	private record Row(UUID id, String name, @Nullable String code, boolean active, Instant updatedAt, @Nullable String updatedBy,
			int version) {
	}

	private record Price(UUID productId, String currency, BigDecimal unitPrice) {
	}

	private final JdbcClient jdbc;

	Products(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The catalogue by name; inactive products too when asked. */
	public List<Product> list(UUID orgId, boolean withInactive) {
		List<Row> rows = jdbc.sql("""
				select id, name, code, active, updated_at, updated_by, version from crm_product
				 where org_id = :org and (active or :withInactive) order by lower(name), id
				""")
			.param("org", orgId).param("withInactive", withInactive)
			.query((rs, n) -> new Row(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("code"), rs.getBoolean("active"),
					rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"), rs.getInt("version")))
			.list();
		Map<UUID, Map<String, BigDecimal>> prices = new LinkedHashMap<>();
		jdbc.sql("select product_id, currency, unit_price from crm_product_price where org_id = :org").param("org", orgId)
			.query((rs, n) -> new Price(rs.getObject("product_id", UUID.class), rs.getString("currency"), rs.getBigDecimal("unit_price")))
			.list().forEach(p -> prices.computeIfAbsent(p.productId(), k -> new TreeMap<>()).put(p.currency(), p.unitPrice()));
		return rows.stream().map(r -> new Product(r.id(), r.name(), r.code(), r.active(), Map.copyOf(prices.getOrDefault(r.id(), Map.of())),
				r.updatedAt(), r.updatedBy(), r.version())).toList();
	}

	public Optional<Product> find(UUID orgId, UUID id) {
		return list(orgId, true).stream().filter(p -> p.id().equals(id)).findFirst();
	}

	/** Whether another product of the organisation has this name or this code, compared without case. */
	public boolean taken(UUID orgId, String column, String value, @Nullable UUID except) {
		String sql = column.equals("code")
				? "select count(*) from crm_product where org_id = :org and lower(code) = lower(:value) and id is distinct from :except"
				: "select count(*) from crm_product where org_id = :org and lower(name) = lower(:value) and id is distinct from :except";
		return jdbc.sql(sql).param("org", orgId).param("value", value).param("except", except).query(Long.class).single() > 0;
	}

	public void insert(UUID orgId, UUID id, String name, @Nullable String code, boolean active, Instant at, String by) {
		jdbc.sql("""
				insert into crm_product (org_id, id, name, code, active, created_at, updated_at, updated_by, version)
				values (:org, :id, :name, :code, :active, :at, :at, :by, 0)
				""")
			.param("org", orgId).param("id", id).param("name", name).param("code", code).param("active", active)
			.param("at", Timestamp.from(at)).param("by", by).update();
	}

	/** Changes a product if it is still at {@code version}; false when someone changed it in between. */
	public boolean update(UUID orgId, UUID id, int version, String name, @Nullable String code, boolean active, Instant at,
			String by) {
		return jdbc.sql("""
				update crm_product set name = :name, code = :code, active = :active, updated_at = :at, updated_by = :by,
				       version = version + 1
				 where org_id = :org and id = :id and version = :version
				""")
			.param("org", orgId).param("id", id).param("version", version).param("name", name).param("code", code)
			.param("active", active).param("at", Timestamp.from(at)).param("by", by).update() == 1;
	}

	public void replacePrices(UUID orgId, UUID productId, Map<String, BigDecimal> prices) {
		jdbc.sql("delete from crm_product_price where org_id = :org and product_id = :product").param("org", orgId)
			.param("product", productId).update();
		prices.forEach((currency, price) -> jdbc.sql("""
				insert into crm_product_price (org_id, product_id, currency, unit_price) values (:org, :product, :currency, :price)
				""")
			.param("org", orgId).param("product", productId).param("currency", currency).param("price", price).update());
	}
}
