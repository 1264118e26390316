package dev.tandem.crm;

import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.Tenancy;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A word in nearly every name: the search keeps the 500 records of each kind most like it (V53), the closest first,
 * instead of weighing every one of them against the viewer's visibility.
 */
@TandemIntegrationTest
class SearchCandidatesTests {

	private static final String PASSWORD = "candidates-passw0rd-14";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;

	@Test
	void aWordInEveryNameKeepsTheFiveHundredMostSimilarAccounts() {
		String domain = "candidates-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Candidates " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		// 600 accounts called "Holding 1" to "Holding 600", and one called just "Holding": 601 like the word.
		Tenancy.runAs(admin.orgId(), () -> {
			jdbc.sql("""
					insert into crm_account (org_id, id, name, owner_id, updated_by)
					select :org, gen_random_uuid(), 'Holding ' || g, :owner, 'test' from generate_series(1, 600) g
					""").param("org", admin.orgId()).param("owner", admin.id()).update();
			jdbc.sql("insert into crm_account (org_id, id, name, owner_id, updated_by) values (:org, gen_random_uuid(), 'Holding', :owner, 'test')")
				.param("org", admin.orgId()).param("owner", admin.id()).update();
		});

		long kept = Tenancy.runAs(admin.orgId(), () -> jdbc.sql("select count(*) from crm_search_matches('Holding', '%Holding%') where kind = 'ACCOUNT'")
			.query(Long.class).single());
		assertThat(kept).isEqualTo(500);

		// The exact name is the most similar of them all (word similarity 1 and similarity 1), so the search lists it first.
		JsonNode items = ApiClient.as(port, "admin@" + domain, PASSWORD).get("/api/v1/search?q=Holding").json().get("items");
		assertThat(items.get(0).get("title").asString()).isEqualTo("Holding");
		assertThat(items.get(0).get("kind").asString()).isEqualTo("ACCOUNT");
	}
}
