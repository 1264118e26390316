package dev.tandem.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.support.ApiClient;
import dev.tandem.support.ApiClient.Response;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every list of the API answers with the one envelope ({@code items}, {@code total}, {@code nextCursor}),
 * never a bare array.
 */
@TandemIntegrationTest
class ListEnvelopeTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void noOperationOfTheApiAnswersABareArray() {
		JsonNode paths = ApiClient.anonymous(port).get("/v3/api-docs").json().get("paths");
		List<String> bare = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode ok = operation.getValue().path("responses").path("200").path("content");
				for (Map.Entry<String, JsonNode> content : ok.properties()) {
					if ("array".equals(content.getValue().path("schema").path("type").asString(""))) {
						bare.add(operation.getKey() + " " + path.getKey());
					}
				}
			}
		}
		assertThat(paths.size()).as("the API is documented").isGreaterThan(40);
		assertThat(bare).isEmpty();
	}

	@Test
	void thePipelinesAndADealsHistoryComeInTheEnvelope() {
		ApiClient brigitte = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD);
		long pipelines = jdbc.sql("select count(*) from playbook_pipeline p join people_user u on u.org_id = p.org_id"
				+ " where u.email = :email").param("email", Demo.MANAGER).query(Long.class).single();
		Response list = brigitte.get("/api/v1/pipelines");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.json().get("items").isArray()).isTrue();
		assertThat(list.json().get("items").size()).isEqualTo(pipelines);
		assertThat(list.json().get("total").asLong()).isEqualTo(pipelines);
		assertThat(list.json().get("nextCursor").isNull()).isTrue();

		String deal = jdbc.sql("select d.id::text from crm_deal d join people_user u on u.org_id = d.org_id and u.id = d.owner_id"
				+ " where u.email = :email order by d.id limit 1").param("email", Demo.REP).query(String.class).single();
		long changes = jdbc.sql("select count(*) from crm_deal_stage_history where deal_id = cast(:id as uuid)").param("id", deal)
			.query(Long.class).single();
		JsonNode history = brigitte.get("/api/v1/deals/" + deal + "/history").json();
		assertThat(history.get("total").asLong()).isGreaterThanOrEqualTo(changes).isEqualTo(history.get("items").size());
	}
}
