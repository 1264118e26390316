package dev.tandem.exchange;

import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.ExchangeTestData.Org;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deals file's product column: a name of the catalogue is that product; unknown names spelled alike (GTX Pro,
 * GTXPro) are one value to map and, mapped to a new product, make one product; each row with an amount gets one line.
 */
@TandemIntegrationTest
class ImportProductsTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;
	@Autowired PlaybookManagement playbook;

	@Test
	void nearDuplicateNamesAreOneValueToMapAndMakeOneProductWithTheLinesOfBothRows() {
		Org org = ExchangeTestData.emptyOrganisation(organisations, port);
		org.importRoster();
		ApiClient.Response made = org.api().post("/api/v1/products", "{\"name\":\"MG Special\",\"prices\":{\"EUR\":30}}");
		assertThat(made.status()).as(made.body()).isEqualTo(200);
		UUID special = UUID.fromString(made.json().get("id").asString());
		ApiClient.Response uploaded = ExchangeTestData.upload(port, org.api().token(), "deals-with-products.csv",
				org.fixture("deals-with-products.csv"), "?kind=DEALS");
		assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
		String id = uploaded.json().get("id").asString();

		JsonNode checked = org.check(id);
		JsonNode report = checked.get("report");
		assertThat(report.get("ready").asBoolean()).isFalse();
		assertThat(report.get("unmatched").valueStream().filter(u -> u.get("category").asString().equals("product"))
			.map(u -> u.get("value").asString() + "|" + u.get("rows").asInt()).toList()).containsExactly("GTX Pro|2");

		JsonNode mapped = org.mapValues(checked, Map.of("stage", Map.of("Prospecting", stage(org, "New lead")),
				"product", Map.of("GTX Pro", "create")));
		mapped = org.check(id);
		assertThat(mapped.get("report").get("ready").asBoolean()).as(mapped.toString()).isTrue();
		assertThat(mapped.get("report").get("counts").valueStream().filter(c -> c.get("kind").asString().equals("PRODUCTS"))
			.map(c -> c.get("created").asInt()).toList()).containsExactly(1);
		assertThat(org.run(id).get("status").asString()).isEqualTo("DONE");

		UUID orgId = org.admin().orgId();
		assertThat(jdbc.sql("select name from crm_product where org_id = :org order by name").param("org", orgId).query(String.class).list())
			.containsExactly("GTX Pro", "MG Special");
		// 1000 for 4 units is 250 a unit; 5000 without a quantity is one unit; 100 for 3 units is 33.33 a unit.
		assertThat(jdbc.sql("""
				select d.title, p.name, l.quantity, l.unit_price, l.discount_pct, d.amount from crm_deal_line l
				  join crm_deal d on d.org_id = l.org_id and d.id = l.deal_id
				  join crm_product p on p.org_id = l.org_id and p.id = l.product_id
				 where l.org_id = :org order by d.amount
				""").param("org", orgId).query((rs, n) -> rs.getString(2) + "|" + rs.getBigDecimal(3).stripTrailingZeros().toPlainString()
				+ "|" + rs.getBigDecimal(4).toPlainString() + "|" + rs.getBigDecimal(5).stripTrailingZeros().toPlainString() + "|"
				+ rs.getBigDecimal(6).toPlainString()).list())
			.containsExactly("MG Special|3|33.33|0|100.00", "GTX Pro|4|250.00|0|1000.00", "GTX Pro|1|5000.00|0|5000.00");
		assertThat(jdbc.sql("select count(*) from crm_deal_line where org_id = :org and product_id = :p").param("org", orgId)
			.param("p", special).query(Long.class).single()).isEqualTo(1L);

		ApiClient.Response undone = org.api().post("/api/v1/imports/" + id + "/undo", "");
		assertThat(undone.status()).as(undone.body()).isEqualTo(200);
		assertThat(jdbc.sql("select count(*) from crm_deal_line where org_id = :org").param("org", orgId).query(Long.class).single()).isZero();
		assertThat(jdbc.sql("select count(*) from crm_deal where org_id = :org").param("org", orgId).query(Long.class).single()).isZero();
		// The product the import made goes with it; the catalogue's own stays.
		assertThat(jdbc.sql("select name from crm_product where org_id = :org").param("org", orgId).query(String.class).list())
			.containsExactly("MG Special");
	}

	private String stage(Org org, String name) {
		return playbook.defaultPipeline(org.admin().orgId()).stages().stream().filter(s -> s.name().equals(name)).findFirst()
			.orElseThrow().id().toString();
	}
}
