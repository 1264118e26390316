package dev.tandem.people;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The users, teams and me endpoints: the list envelope and its paging, validation problems that name
 * the field in the caller's language, optimistic locking, and merge-patch semantics.
 */
@TandemIntegrationTest
class PeopleApiTests {

	/** Northwind: an admin, Suzanne, three managers, twenty reps and four partners. */
	private static final int NORTHWIND_USERS = 29;

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;

	ApiClient admin;

	@BeforeEach
	void signIn() {
		admin = ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD);
	}

	@Test
	void meDescribesTheCallerTheirTeamsAndWhomTheyManage() {
		JsonNode me = ApiClient.as(port, Demo.MANAGER, Demo.PASSWORD).get("/api/v1/me").json();
		assertThat(me.get("email").asString()).isEqualTo(Demo.MANAGER);
		assertThat(me.get("role").asString()).isEqualTo("MANAGER");
		assertThat(me.get("organisation").get("name").asString()).isEqualTo("Northwind Demo");
		assertThat(me.get("organisation").get("currency").asString()).isEqualTo("EUR");
		assertThat(me.get("leads").findValuesAsString("name")).containsExactly("Inside Sales");
		assertThat(me.get("teams")).isEmpty();
		assertThat(me.get("manages")).hasSize(7);

		JsonNode rep = ApiClient.as(port, Demo.REP, Demo.PASSWORD).get("/api/v1/me").json();
		assertThat(rep.get("teams").findValuesAsString("name")).containsExactly("Inside Sales");
		assertThat(rep.get("manages")).isEmpty();
	}

	@Test
	void pagesThroughAllUsersWithTheCursorWithoutGapsOrRepeats() {
		ApiClient rep = ApiClient.as(port, Demo.REP, Demo.PASSWORD);
		UUID inside = Demo.teamId(jdbc, "Inside Sales");
		Set<String> seen = new HashSet<>();
		List<Integer> pageSizes = new ArrayList<>();
		String cursor = null;
		long total = -1;
		do {
			JsonNode page = rep.get("/api/v1/users?teamId=" + inside + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
			total = page.get("total").asLong();
			pageSizes.add(page.get("items").size());
			page.get("items").forEach(u -> assertThat(seen.add(u.get("id").asString())).isTrue());
			cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
		}
		while (cursor != null);
		assertThat(total).isEqualTo(7);
		assertThat(pageSizes).containsExactly(3, 3, 1);
		assertThat(seen).hasSize(7);
	}

	@Test
	void listsUseOneEnvelopeWithDefaultAndMaximumLimits() {
		JsonNode all = admin.get("/api/v1/users").json();
		assertThat(all.get("total").asLong()).isGreaterThanOrEqualTo(NORTHWIND_USERS);
		assertThat(all.get("items").size()).isEqualTo((int) Math.min(50, all.get("total").asLong()));
		assertThat(admin.get("/api/v1/users?limit=500").status()).isEqualTo(200);

		ApiClient.Response tooMany = admin.get("/api/v1/users?limit=501");
		assertThat(tooMany.status()).isEqualTo(400);
		assertThat(tooMany.contentType()).startsWith("application/problem+json");
		assertThat(tooMany.json().get("errors").get(0).get("field").asString()).isEqualTo("limit");
		assertThat(tooMany.json().get("errors").get(0).get("message").asString()).isEqualTo("must be between 1 and 500");
		assertThat(admin.get("/api/v1/users?cursor=garbage!").status()).isEqualTo(400);

		JsonNode teams = admin.get("/api/v1/teams?kind=MARKETING").json();
		assertThat(teams.get("total").asInt()).isEqualTo(1);
		assertThat(teams.get("items").get(0).get("name").asString()).isEqualTo("Marketing");
		assertThat(teams.get("nextCursor").isNull()).isTrue();
	}

	@Test
	void filtersUsersByTeam() {
		UUID inside = Demo.teamId(jdbc, "Inside Sales");
		JsonNode members = admin.get("/api/v1/users?teamId=" + inside).json();
		assertThat(members.get("total").asInt()).isEqualTo(7);
		assertThat(members.get("items").findValuesAsString("email")).contains("sanne@northwind.demo", "noah@northwind.demo",
				"lotte@northwind.demo").doesNotContain("brigitte@northwind.demo");
	}

	@Test
	void invalidInputNamesEveryFieldAndRuleInTheCallersLanguage() {
		ApiClient.Response english = admin.post("/api/v1/users", "{\"email\":\"not-an-email\",\"displayName\":\"\",\"role\":\"REP\"}");
		assertThat(english.status()).isEqualTo(400);
		assertThat(english.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "displayName");

		ApiClient.Response dutch = ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD).language("nl")
			.post("/api/v1/users", "{\"email\":\"" + Demo.REP + "\",\"displayName\":\"Dubbel\",\"role\":\"REP\"}");
		assertThat(dutch.status()).isEqualTo(400);
		assertThat(dutch.json().get("title").asString()).isEqualTo("Ongeldige invoer");
		assertThat(dutch.json().get("errors").get(0).get("field").asString()).isEqualTo("email");
		assertThat(dutch.json().get("errors").get(0).get("message").asString()).isEqualTo("wordt al door een andere gebruiker gebruikt");

		ApiClient.Response badEnum = admin.post("/api/v1/users", "{\"email\":\"x@northwind.demo\",\"displayName\":\"X\",\"role\":\"KING\"}");
		assertThat(badEnum.status()).isEqualTo(400);
		assertThat(badEnum.json().get("errors").get(0).get("field").asString()).isEqualTo("role");

		ApiClient.Response shortPassword = admin.post("/api/v1/users",
				"{\"email\":\"short@northwind.demo\",\"displayName\":\"X\",\"role\":\"REP\",\"password\":\"short\"}");
		assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
		assertThat(jdbc.sql("select count(*) from people_user where email in ('x@northwind.demo', 'short@northwind.demo')")
			.query(Long.class).single()).isZero();
	}

	@Test
	void createsAUserInTeamsAndAnswersWithAnInvitationWhenNoPasswordIsGiven() {
		UUID enterprise = Demo.teamId(jdbc, "Enterprise");
		ApiClient.Response created = admin.post("/api/v1/users",
				"{\"email\":\"New.Hire@Northwind.demo\",\"displayName\":\"New Hire\",\"role\":\"REP\",\"locale\":\"nl\",\"teamIds\":[\""
						+ enterprise + "\"]}");
		assertThat(created.status()).isEqualTo(201);
		JsonNode user = created.json();
		assertThat(user.get("email").asString()).isEqualTo("new.hire@northwind.demo");
		assertThat(user.get("teamIds").get(0).asString()).isEqualTo(enterprise.toString());
		assertThat(user.get("invitationToken").asString()).hasSizeGreaterThan(30);
		assertThat(admin.get("/api/v1/users/" + user.get("id").asString()).json().get("locale").asString()).isEqualTo("nl");
	}

	@Test
	void aStaleVersionAnswers409AndChangesNothing() {
		String id = admin.post("/api/v1/users",
				"{\"email\":\"versioned@northwind.demo\",\"displayName\":\"Versioned\",\"role\":\"REP\",\"password\":\"long-enough-1\"}")
			.json().get("id").asString();
		ApiClient.Response first = admin.patch("/api/v1/users/" + id, "{\"version\":0,\"displayName\":\"First edit\"}");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().get("version").asInt()).isEqualTo(1);

		ApiClient.Response stale = admin.patch("/api/v1/users/" + id, "{\"version\":0,\"displayName\":\"Lost edit\",\"role\":\"MANAGER\"}");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("changedBy").asString()).isEqualTo("Ilse Vermeulen");
		assertThat(stale.json().get("detail").asString()).contains("Ilse Vermeulen changed this in the meantime");
		JsonNode now = admin.get("/api/v1/users/" + id).json();
		assertThat(now.get("displayName").asString()).isEqualTo("First edit");
		assertThat(now.get("role").asString()).isEqualTo("REP");
		assertThat(now.get("version").asInt()).isEqualTo(1);
	}

	@Test
	void anAdminCannotLockThemselvesOut() {
		String id = Demo.userId(jdbc, Demo.ADMIN).toString();
		int version = admin.get("/api/v1/users/" + id).json().get("version").asInt();
		ApiClient.Response response = admin.patch("/api/v1/users/" + id, "{\"version\":" + version + ",\"active\":false}");
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("active");
	}

	@Test
	void patchingATeamMergesAndNullClearsOptionalFields() {
		UUID sales = Demo.teamId(jdbc, "Northwind Sales");
		UUID leader = Demo.userId(jdbc, Demo.EXECUTIVE);
		JsonNode team = admin.post("/api/v1/teams",
				"{\"name\":\"Patch Team\",\"kind\":\"SALES\",\"parentId\":\"" + sales + "\",\"leaderId\":\"" + leader + "\"}").json();
		String id = team.get("id").asString();

		JsonNode renamed = admin.patch("/api/v1/teams/" + id, "{\"version\":0,\"name\":\"Patch Team Renamed\"}").json();
		assertThat(renamed.get("name").asString()).isEqualTo("Patch Team Renamed");
		assertThat(renamed.get("parentId").asString()).isEqualTo(sales.toString());
		assertThat(renamed.get("leaderId").asString()).isEqualTo(leader.toString());

		JsonNode detached = admin.patch("/api/v1/teams/" + id, "{\"version\":1,\"parentId\":null,\"leaderId\":null}").json();
		assertThat(detached.get("parentId").isNull()).isTrue();
		assertThat(detached.get("leaderId").isNull()).isTrue();
		assertThat(detached.get("name").asString()).isEqualTo("Patch Team Renamed");

		assertThat(admin.patch("/api/v1/teams/" + id, "{\"version\":1,\"name\":\"Stale\"}").status()).isEqualTo(409);
		ApiClient.Response noVersion = admin.patch("/api/v1/teams/" + id, "{\"name\":\"No version\"}");
		assertThat(noVersion.status()).isEqualTo(400);
		assertThat(noVersion.json().get("errors").get(0).get("field").asString()).isEqualTo("version");
		ApiClient.Response cycle = admin.patch("/api/v1/teams/" + sales, "{\"version\":0,\"parentId\":\"" + sales + "\"}");
		assertThat(cycle.status()).isEqualTo(400);
		assertThat(cycle.json().get("errors").get(0).get("field").asString()).isEqualTo("parentId");
	}

	@Test
	void movingARepThroughTheApiKeepsTheirHistory() {
		String rep = admin.post("/api/v1/users",
				"{\"email\":\"mover@northwind.demo\",\"displayName\":\"Mover\",\"role\":\"REP\",\"password\":\"long-enough-1\",\"teamIds\":[\""
						+ Demo.teamId(jdbc, "Mid-Market") + "\"]}").json().get("id").asString();
		// Move on a later day than the join, so both memberships are kept as history.
		jdbc.sql("update people_membership set valid_from = valid_from - 30 where user_id = :id").param("id", UUID.fromString(rep)).update();
		UUID enterprise = Demo.teamId(jdbc, "Enterprise");
		JsonNode moved = admin.patch("/api/v1/users/" + rep, "{\"version\":0,\"teamIds\":[\"" + enterprise + "\"]}").json();
		assertThat(moved.get("teamIds").get(0).asString()).isEqualTo(enterprise.toString());
		List<String> history = jdbc.sql("""
				select t.name || ':' || (m.valid_to is null) from people_membership m join people_team t on t.id = m.team_id
				 where m.user_id = :id order by m.valid_from
				""").param("id", UUID.fromString(rep)).query(String.class).list();
		assertThat(history).containsExactly("Mid-Market:false", "Enterprise:true");
	}

	@Test
	void openApiDescribesTheApi() {
		ApiClient.Response docs = ApiClient.anonymous(port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		JsonNode paths = docs.json().get("paths");
		assertThat(paths.has("/api/v1/me")).isTrue();
		assertThat(paths.has("/api/v1/users/{id}")).isTrue();
		assertThat(paths.has("/api/v1/teams/{id}")).isTrue();
		assertThat(paths.has("/api/v1/auth/tokens")).isTrue();
		assertThat(docs.json().get("components").get("securitySchemes").has("token")).isTrue();
	}
}
