package dev.tandem.people;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every audited action of a fresh organisation, done over HTTP, stands in its audit log in order with who did it;
 * only its admin reads the log, and no statement changes or removes an entry.
 */
@TandemIntegrationTest
class AuditLogTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired JdbcClient jdbc;
	@Autowired dev.tandem.platform.AuditLog audit;

	@Test
	void theAdminReadsEveryAuditedActionNewestFirst() {
		String domain = "audit-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser owner = organisations.open(new NewOrganisation("Audit " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Ada Admin", "admin-password");
		User rep = users.create(owner, new NewUser("rep@" + domain, "Rob Rep", Role.REP, "en", "rep-password", List.of())).user();

		ApiClient admin = ApiClient.as(port, "admin@" + domain, "admin-password");
		assertThat(ApiClient.anonymous(port).post("/api/v1/auth/tokens",
				"{\"email\":\"rep@" + domain + "\",\"password\":\"wrong-password\",\"name\":\"x\"}").status()).isEqualTo(401);
		ApiClient robApi = ApiClient.as(port, "rep@" + domain, "rep-password");
		assertThat(robApi.get("/api/v1/audit").status()).isEqualTo(403);
		WebSession robWeb = WebSession.signedIn(port, "rep@" + domain, "rep-password");
		assertThat(robWeb.get("/admin/users").statusCode()).isEqualTo(403);

		String account = admin.post("/api/v1/accounts", "{\"name\":\"Audited account\"}").json().get("id").asString();
		String deal = admin.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Audited deal\",\"amount\":100}")
			.json().get("id").asString();
		assertThat(admin.patch("/api/v1/deals/" + deal, "{\"version\":0,\"amount\":250,\"nextStep\":\"Call\"}").status()).isEqualTo(200);
		assertThat(admin.delete("/api/v1/deals/" + deal).status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/export").status()).isEqualTo(200);
		int version = admin.get("/api/v1/users/" + rep.id()).json().get("version").asInt();
		assertThat(admin.patch("/api/v1/users/" + rep.id(), "{\"version\":" + version + ",\"role\":\"MANAGER\"}").status()).isEqualTo(200);
		assertThat(admin.patch("/api/v1/users/" + rep.id(), "{\"version\":" + (version + 1) + ",\"active\":false}").status()).isEqualTo(200);

		JsonNode log = admin.get("/api/v1/audit?limit=100").json();
		List<String> lines = new ArrayList<>();
		log.get("items").forEach(e -> lines.add(e.get("actor").asString() + " " + e.get("action").asString()
				+ (e.get("detail").isNull() ? "" : " " + e.get("detail").asString())));
		assertThat(lines).containsExactly(
				"Ada Admin DEACTIVATED rep@" + domain,
				"Ada Admin ROLE_CHANGED rep@" + domain + ": REP > MANAGER",
				"Ada Admin EXPORTED",
				"Ada Admin DEAL_DELETED Audited deal",
				"Ada Admin DEAL_CHANGED Audited deal: amount, nextStep",
				"Rob Rep ACCESS_DENIED GET /admin/users",
				"Rob Rep SIGNED_IN",
				"Rob Rep ACCESS_DENIED GET /api/v1/audit",
				"Rob Rep TOKEN_CREATED test",
				"Rob Rep SIGNED_IN",
				"rep@" + domain + " SIGN_IN_FAILED BadCredentialsException",
				"Ada Admin TOKEN_CREATED test",
				"Ada Admin SIGNED_IN");
		assertThat(log.get("total").asInt()).isEqualTo(13);
		assertThat(log.get("items").get(0).get("at").asString()).endsWith("Z");

		// Only the log's own organisation's admin reads it; the page as well as the API.
		assertThat(ApiClient.as(port, "admin@northwind.demo", "demo").get("/api/v1/audit").json().toString()).doesNotContain(domain);
		assertThat(WebSession.signedIn(port, "admin@" + domain, "admin-password").get("/admin/audit").body())
			.contains("Role changed").contains("rep@" + domain + ": REP &gt; MANAGER");
	}

	@Test
	void noStatementChangesOrRemovesAnEntry() {
		audit.record(null, null, "tester", dev.tandem.platform.AuditAction.SIGN_IN_FAILED, null, null, "a row to try to change");
		assertThat(jdbc.sql("select count(*) from platform_audit_event").query(Long.class).single()).isPositive();
		assertThatThrownBy(() -> jdbc.sql("update platform_audit_event set actor = 'someone else'").update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("delete from platform_audit_event").update())
			.isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
		// The application's role may not truncate any table; the table's trigger stops its owner too.
		assertThatThrownBy(() -> jdbc.sql("truncate platform_audit_event").update())
			.isInstanceOf(DataAccessException.class).rootCause().hasMessageContaining("permission denied");
	}
}
