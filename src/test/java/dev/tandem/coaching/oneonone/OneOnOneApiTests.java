package dev.tandem.coaching.oneonone;

import java.util.ArrayList;
import java.util.List;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1:1s over HTTP: holding a meeting carries unticked points and open actions to the next one, private notes stay with
 * their author, every role sees exactly what DESIGN.md section 4 allows, and bad input names the field and the rule.
 * The clock stands on Wednesday 18 November 2026, 10:00 in Amsterdam.
 */
@TandemIntegrationTest
class OneOnOneApiTests {

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	@Test
	void holdingAMeetingCarriesUntickedPointsAndOpenActionsToTheNext() {
		ApiClient fatima = ApiClient.as(port, "fatima@northwind.demo", Demo.PASSWORD);
		ApiClient milan = ApiClient.as(port, "milan@northwind.demo", Demo.PASSWORD);
		String milanId = Demo.userId(jdbc, "milan@northwind.demo").toString();
		String fatimaId = Demo.userId(jdbc, "fatima@northwind.demo").toString();

		ApiClient.Response created = fatima.post("/api/v1/one-on-ones",
				"{\"managerId\":\"" + fatimaId + "\",\"repId\":\"" + milanId + "\",\"cadence\":\"WEEKLY\",\"time\":\"14:00\"}",
				"Idempotency-Key", "milan-weekly");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String series = created.json().get("id").asString();
		assertThat(fatima.post("/api/v1/one-on-ones", "{\"repId\":\"" + milanId + "\",\"cadence\":\"WEEKLY\",\"time\":\"14:00\"}",
				"Idempotency-Key", "milan-weekly").json().get("id").asString()).as("same key, same series").isEqualTo(series);

		JsonNode planned = fatima.get("/api/v1/one-on-ones/" + series + "/meetings").json().get("items");
		assertThat(planned).extracting(m -> m.get("plannedAt").asString())
			.containsExactly("2026-11-18T13:00:00Z", "2026-11-25T13:00:00Z", "2026-12-02T13:00:00Z", "2026-12-09T13:00:00Z");
		String first = planned.get(0).get("id").asString();
		String second = planned.get(1).get("id").asString();
		String meeting = "/api/v1/one-on-ones/" + series + "/meetings/" + first;

		String pricing = milan.post(meeting + "/agenda", "{\"text\":\"Pricing of the Vermeer renewal\"}").json().get("id").asString();
		JsonNode hiring = fatima.post(meeting + "/agenda", "{\"text\":\"Hiring plan\"}").json();
		assertThat(fatima.post(meeting + "/agenda/" + hiring.get("id").asString() + "/done", "{\"done\":true,\"version\":0}").status())
			.isEqualTo(200);
		String call = milan.post(meeting + "/actions", "{\"text\":\"Call the CFO\",\"dueOn\":\"2026-11-20\"}").json().get("id").asString();
		JsonNode own = fatima.post(meeting + "/actions", "{\"text\":\"Ask finance for the discount band\",\"ownerId\":\"" + fatimaId + "\"}").json();
		assertThat(own.get("ownerId").asString()).isEqualTo(fatimaId);
		assertThat(fatima.post("/api/v1/one-on-ones/" + series + "/actions/" + own.get("id").asString() + "/done", "{\"done\":true,\"version\":0}")
			.json().get("done").asBoolean()).isTrue();

		ApiClient.Response held = fatima.post(meeting + "/held", "{\"version\":0}");
		assertThat(held.status()).as(held.body()).isEqualTo(200);
		assertThat(held.json().get("status").asString()).isEqualTo("HELD");
		assertThat(held.json().get("snapshot").get("since").asString()).isEqualTo("2026-10-21");
		assertThat(fatima.post(meeting + "/held", "{\"version\":1}").status()).as("held twice").isEqualTo(400);
		assertThat(milan.post(meeting + "/agenda", "{\"text\":\"Too late\"}").status()).isEqualTo(400);

		JsonNode next = milan.get("/api/v1/one-on-ones/" + series + "/meetings/" + second).json();
		assertThat(next.get("agenda")).extracting(a -> a.get("text").asString()).containsExactly("Pricing of the Vermeer renewal");
		assertThat(next.get("agenda").get(0).get("carriedFrom").asString()).isEqualTo(pricing);
		assertThat(next.get("actions")).extracting(a -> a.get("id").asString()).containsExactly(call);
		JsonNode done = fatima.get(meeting).json();
		assertThat(done.get("agenda")).extracting(a -> a.get("text").asString()).containsExactly("Pricing of the Vermeer renewal", "Hiring plan");
		assertThat(done.get("actions")).extracting(a -> a.get("text").asString()).containsExactly("Ask finance for the discount band");
		// The manager's own action is counted apart from the rep's.
		assertThat(done.get("managerActions").asInt()).isEqualTo(1);
		assertThat(done.get("repActions").asInt()).isZero();
		assertThat(next.get("repActions").asInt()).isEqualTo(1);
		assertThat(next.get("managerActions").asInt()).isZero();
		assertThat(fatima.get("/api/v1/one-on-ones/" + series + "/meetings").json().get("items")).as("planned ahead again").hasSize(5);

		JsonNode cadence = fatima.get("/api/v1/one-on-ones/cadence?from=2026-11-01&to=2026-11-30").json().get("months");
		assertThat(cadence).hasSize(1);
		assertThat(cadence.get(0).get("planned").asInt()).isEqualTo(1);
		assertThat(cadence.get(0).get("held").asInt()).isEqualTo(1);
	}

	@Test
	void privateNotesStayWithTheirAuthorAndEachRoleSeesWhatItMay() {
		ApiClient mark = ApiClient.as(port, "mark@northwind.demo", Demo.PASSWORD);
		ApiClient thomas = ApiClient.as(port, "thomas@northwind.demo", Demo.PASSWORD);
		String thomasId = Demo.userId(jdbc, "thomas@northwind.demo").toString();
		String series = mark.post("/api/v1/one-on-ones", "{\"repId\":\"" + thomasId + "\",\"cadence\":\"FORTNIGHTLY\",\"startsOn\":\"2026-11-19\"}")
			.json().get("id").asString();
		String meetingId = mark.get("/api/v1/one-on-ones/" + series + "/meetings").json().get("items").get(0).get("id").asString();
		String meeting = "/api/v1/one-on-ones/" + series + "/meetings/" + meetingId;
		assertThat(thomas.post(meeting + "/notes", "{\"text\":\"Nervous about the Q1 target\",\"private\":true}").status()).isEqualTo(201);
		assertThat(mark.post(meeting + "/notes", "{\"text\":\"Agreed to prepare the Vos pitch together\"}").status()).isEqualTo(201);
		assertThat(mark.post(meeting + "/notes", "{\"text\":\"Thomas needs more room\",\"private\":true}").status()).isEqualTo(201);

		assertThat(notes(thomas, meeting)).containsExactly("Nervous about the Q1 target", "Agreed to prepare the Vos pitch together");
		assertThat(notes(mark, meeting)).containsExactly("Agreed to prepare the Vos pitch together", "Thomas needs more room");
		for (String lineOrAdmin : List.of(Demo.EXECUTIVE, Demo.ADMIN)) {
			ApiClient reader = ApiClient.as(port, lineOrAdmin, Demo.PASSWORD);
			assertThat(notes(reader, meeting)).as(lineOrAdmin).containsExactly("Agreed to prepare the Vos pitch together");
			assertThat(reader.get("/api/v1/one-on-ones").body()).as(lineOrAdmin).contains(series);
			assertThat(reader.post(meeting + "/agenda", "{\"text\":\"Looking on\"}").status()).as(lineOrAdmin + " only looks on").isEqualTo(403);
		}
		for (String outsider : List.of("sophie@northwind.demo", Demo.MANAGER)) {
			ApiClient other = ApiClient.as(port, outsider, Demo.PASSWORD);
			assertThat(other.get(meeting).status()).as(outsider).isEqualTo(404);
			assertThat(other.get("/api/v1/one-on-ones/" + series).status()).as(outsider).isEqualTo(404);
			assertThat(other.post(meeting + "/agenda", "{\"text\":\"Sneaking in\"}").status()).as(outsider).isEqualTo(404);
			assertThat(other.get("/api/v1/one-on-ones").body()).as(outsider).doesNotContain(series);
		}
		assertThat(ApiClient.as(port, "kim@northwind.demo", Demo.PASSWORD).get(meeting).status()).as("a partner").isEqualTo(403);
		assertThat(ApiClient.as(port, Demo.OTHER_TENANT_ADMIN, Demo.PASSWORD).get(meeting).status()).isEqualTo(404);
		// Nor does the organisation's export carry a 1:1 note, private or shared: coaching stays in Tandem.
		String export = exportText(ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD));
		assertThat(export).contains("Northwind").doesNotContain("Thomas needs more room").doesNotContain("Nervous about the Q1 target")
			.doesNotContain("Agreed to prepare the Vos pitch together");
	}

	/** Every file of the organisation's export ({@code GET /api/v1/export}, a ZIP of CSVs) as one text. */
	private String exportText(ApiClient admin) {
		try {
			java.net.http.HttpResponse<byte[]> zip = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/v1/export"))
				.header("Authorization", "Bearer " + admin.token()).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
			assertThat(zip.statusCode()).isEqualTo(200);
			StringBuilder text = new StringBuilder();
			try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(zip.body()))) {
				for (java.util.zip.ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
					text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
				}
			}
			return text.toString();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	@Test
	void badInputNamesTheFieldAndTheRuleAndWritesNothing() {
		ApiClient fatima = ApiClient.as(port, "fatima@northwind.demo", Demo.PASSWORD).language("en");
		long before = jdbc.sql("select count(*) from coaching_one_on_one").query(Long.class).single();
		String sanne = Demo.userId(jdbc, Demo.REP).toString();
		ApiClient.Response notManaged = fatima.post("/api/v1/one-on-ones", "{\"repId\":\"" + sanne + "\",\"cadence\":\"WEEKLY\"}");
		assertThat(notManaged.status()).isEqualTo(400);
		assertThat(notManaged.body()).contains("repId").contains("is not someone you manage");
		assertThat(fatima.post("/api/v1/one-on-ones", "{\"repId\":\"0190a000-0000-7000-8000-000000000001\",\"cadence\":\"WEEKLY\"}").body())
			.contains("repId").contains("is not someone you manage");
		String nina = Demo.userId(jdbc, "nina@northwind.demo").toString();
		ApiClient.Response wrong = fatima.post("/api/v1/one-on-ones",
				"{\"repId\":\"" + nina + "\",\"cadence\":\"DAILY\",\"startsOn\":\"18-11-2026\",\"time\":\"half ten\"}");
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.body()).contains("cadence").contains("must be WEEKLY, FORTNIGHTLY or MONTHLY").contains("startsOn")
			.contains("must be a date as yyyy-mm-dd").contains("time");
		assertThat(fatima.post("/api/v1/one-on-ones", "{\"repId\":\"" + nina + "\",\"cadence\":\"WEEKLY\",\"startsOn\":\"2026-11-01\"}").body())
			.contains("startsOn").contains("must be today or later");
		assertThat(jdbc.sql("select count(*) from coaching_one_on_one").query(Long.class).single()).isEqualTo(before);

		String series = fatima.post("/api/v1/one-on-ones", "{\"repId\":\"" + nina + "\",\"cadence\":\"MONTHLY\",\"startsOn\":\"2026-11-20\"}")
			.json().get("id").asString();
		String meeting = "/api/v1/one-on-ones/" + series + "/meetings/"
				+ fatima.get("/api/v1/one-on-ones/" + series + "/meetings").json().get("items").get(0).get("id").asString();
		assertThat(fatima.post(meeting + "/agenda", "{\"text\":\"   \"}").body()).contains("text").contains("must not be blank");
		ApiClient.Response action = fatima.post(meeting + "/actions",
				"{\"text\":\"\",\"dueOn\":\"next friday\",\"ownerId\":\"" + sanne + "\"}");
		assertThat(action.status()).isEqualTo(400);
		assertThat(action.body()).contains("text").contains("dueOn").contains("must be a date as yyyy-mm-dd").contains("ownerId")
			.contains("must be the rep or the manager of this 1:1");
		assertThat(jdbc.sql("select count(*) from coaching_action a join coaching_meeting m on m.org_id = a.org_id and m.id = a.meeting_id"
				+ " where m.one_on_one_id = cast(:s as uuid)").param("s", series).query(Long.class).single()).isZero();
	}

	private static List<String> notes(ApiClient client, String meeting) {
		ApiClient.Response response = client.get(meeting);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		List<String> texts = new ArrayList<>();
		response.json().get("notes").forEach(n -> texts.add(n.get("text").asString()));
		return texts;
	}
}
