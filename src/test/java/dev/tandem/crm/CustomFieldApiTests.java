package dev.tandem.crm;

import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Custom fields through the JSON API, on an organisation of the test's own: the admin defines them (a rep may not,
 * 403; a stale version answers 409), and values go with the records' own writes, checked by type, naming the field
 * and the rule in the caller's language.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomFieldApiTests {

	private static final String PASSWORD = "custom-field-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;

	ApiClient admin;
	ApiClient ria;

	@BeforeAll
	void openOrganisation() {
		String domain = "custom-fields-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser first = organisations.open(new NewOrganisation("Custom " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		users.create(first, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD, List.of()));
		admin = ApiClient.as(port, "admin@" + domain, PASSWORD);
		ria = ApiClient.as(port, "ria@" + domain, PASSWORD);
		field("ACCOUNT", "year_established", "Year established", "NUMBER", "");
		field("ACCOUNT", "founded_on", "Founded on", "DATE", "");
		field("ACCOUNT", "tier", "Tier", "CHOICE", ",\"choices\":[\"Gold\",\"Silver\"]");
		field("DEAL", "tender_ref", "Tender reference", "TEXT", "");
		field("LEAD", "fair", "Trade fair", "TEXT", "");
		field("CONTACT", "birthday", "Birthday", "DATE", "");
	}

	private String field(String kind, String key, String label, String type, String more) {
		ApiClient.Response created = admin.post("/api/v1/custom-fields", "{\"kind\":\"" + kind + "\",\"key\":\"" + key
				+ "\",\"label\":\"" + label + "\",\"type\":\"" + type + "\"" + more + "}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		return created.json().get("id").asString();
	}

	@Test
	void onlyAnAdminDefinesFieldsAndAStaleVersionConflicts() {
		assertThat(ria.post("/api/v1/custom-fields", "{\"kind\":\"DEAL\",\"key\":\"mine\",\"label\":\"Mine\",\"type\":\"TEXT\"}")
			.status()).isEqualTo(403);
		ApiClient.Response taken = admin.post("/api/v1/custom-fields",
				"{\"kind\":\"ACCOUNT\",\"key\":\"tier\",\"label\":\"Again\",\"type\":\"TEXT\"}");
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.json().get("errors").get(0).get("field").asString()).isEqualTo("key");
		ApiClient.Response noChoices = admin.post("/api/v1/custom-fields",
				"{\"kind\":\"DEAL\",\"key\":\"size_class\",\"label\":\"Size class\",\"type\":\"CHOICE\"}");
		assertThat(noChoices.json().get("errors").get(0).get("field").asString()).isEqualTo("choices");
		assertThat(admin.post("/api/v1/custom-fields", "{\"kind\":\"DEAL\",\"key\":\"Bad Key\",\"label\":\"X\",\"type\":\"TEXT\"}")
			.json().get("errors").get(0).get("field").asString()).isEqualTo("key");

		String id = field("DEAL", "region_code", "Region code", "TEXT", "");
		String change = "{\"version\":0,\"field\":{\"label\":\"Region\",\"active\":false}}";
		assertThat(ria.put("/api/v1/custom-fields/" + id, change).status()).isEqualTo(403);
		JsonNode changed = admin.put("/api/v1/custom-fields/" + id, change).json();
		assertThat(changed.get("label").asString()).isEqualTo("Region");
		assertThat(changed.get("active").asBoolean()).isFalse();
		assertThat(changed.get("version").asInt()).isEqualTo(1);
		assertThat(admin.put("/api/v1/custom-fields/" + id, change).status()).isEqualTo(409);
		assertThat(admin.put("/api/v1/custom-fields/" + id, "{\"version\":1,\"field\":{\"label\":\"R\",\"type\":\"NUMBER\"}}")
			.json().get("errors").get(0).get("field").asString()).isEqualTo("type");

		JsonNode deals = ria.get("/api/v1/custom-fields?kind=DEAL").json().get("items");
		assertThat(deals).extracting(f -> f.get("key").asString()).containsExactly("tender_ref");
		assertThat(ria.get("/api/v1/custom-fields?kind=DEAL&inactive=true").json().get("items"))
			.extracting(f -> f.get("key").asString()).containsExactly("tender_ref", "region_code");
	}

	@Test
	void valuesAreCheckedByTypeKeptAsCanonicalTextAndChangedOneByOne() {
		ApiClient.Response created = ria.post("/api/v1/accounts", "{\"name\":\"Custom Co\",\"customFields\":"
				+ "{\"year_established\":1998.50,\"founded_on\":\"1998-06-01\",\"tier\":\"gold\"}}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode values = created.json().get("customFields");
		assertThat(values.get("year_established").asString()).isEqualTo("1998.5");
		assertThat(values.get("founded_on").asString()).isEqualTo("1998-06-01");
		assertThat(values.get("tier").asString()).isEqualTo("Gold");
		String id = created.json().get("id").asString();

		ApiClient.Response bad = ria.patch("/api/v1/accounts/" + id, "{\"version\":0,\"customFields\":"
				+ "{\"year_established\":\"about 1998\",\"founded_on\":\"01-06-1998\",\"tier\":\"Bronze\",\"colour\":\"red\"}}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors")).extracting(e -> e.get("field").asString() + ": " + e.get("message").asString())
			.containsExactlyInAnyOrder("customFields.year_established: Year established must be a number, like 1998 or 12.5",
					"customFields.founded_on: Founded on must be a date as yyyy-mm-dd",
					"customFields.tier: Tier must be one of Gold, Silver",
					"customFields.colour: is not an active custom field of this kind of record");
		ApiClient.Response dutch = ria.language("nl").patch("/api/v1/accounts/" + id,
				"{\"version\":0,\"customFields\":{\"tier\":\"Bronze\"}}");
		assertThat(dutch.json().get("errors").get(0).get("message").asString()).isEqualTo("Tier moet een van Gold, Silver zijn");
		assertThat(ria.get("/api/v1/accounts/" + id).json().get("version").asInt()).as("a refused write changes nothing").isEqualTo(0);

		JsonNode changed = ria.patch("/api/v1/accounts/" + id, "{\"version\":0,\"customFields\":{\"tier\":null,\"year_established\":2001}}")
			.json();
		assertThat(changed.get("customFields").properties()).extracting(e -> e.getKey() + "=" + e.getValue().asString())
			.containsExactly("founded_on=1998-06-01", "year_established=2001");
		assertThat(ria.patch("/api/v1/accounts/" + id, "{\"version\":0,\"customFields\":{\"tier\":\"Gold\"}}").status()).isEqualTo(409);
	}

	@Test
	void contactsDealsAndLeadsCarryTheirOwnFields() {
		String account = ria.post("/api/v1/accounts", "{\"name\":\"Other Co\"}").json().get("id").asString();
		JsonNode contact = ria.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Cor\",\"customFields\":"
				+ "{\"birthday\":\"1980-02-29\"}}").json();
		assertThat(contact.get("customFields").get("birthday").asString()).isEqualTo("1980-02-29");
		assertThat(ria.post("/api/v1/contacts", "{\"accountId\":\"" + account + "\",\"name\":\"Cor\",\"customFields\":"
				+ "{\"birthday\":\"1981-02-29\"}}").status()).as("no 29 February in 1981").isEqualTo(400);

		JsonNode deal = ria.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Tender\",\"customFields\":"
				+ "{\"tender_ref\":\"  T-42  \"}}").json();
		assertThat(deal.get("customFields").get("tender_ref").asString()).isEqualTo("T-42");
		assertThat(ria.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"Tender\",\"customFields\":"
				+ "{\"year_established\":1}}").json().get("errors").get(0).get("field").asString())
			.as("an account's field is not a deal's").isEqualTo("customFields.year_established");
		JsonNode patched = ria.patch("/api/v1/deals/" + deal.get("id").asString(), "{\"version\":" + deal.get("version").asInt()
				+ ",\"customFields\":{\"tender_ref\":\"T-43\"}}").json();
		assertThat(patched.get("customFields").get("tender_ref").asString()).isEqualTo("T-43");
		assertThat(ria.get("/api/v1/deals/" + deal.get("id").asString()).json().get("title").asString()).isEqualTo("Tender");

		JsonNode lead = ria.post("/api/v1/leads", "{\"personName\":\"Lia\",\"company\":\"Fair Co\",\"customFields\":"
				+ "{\"fair\":\"Jaarbeurs\"}}").json();
		assertThat(lead.get("customFields").get("fair").asString()).isEqualTo("Jaarbeurs");
		JsonNode leadPatched = ria.patch("/api/v1/leads/" + lead.get("id").asString(), "{\"version\":" + lead.get("version").asInt()
				+ ",\"customFields\":{\"fair\":\"RAI\"}}").json();
		assertThat(leadPatched.get("customFields").get("fair").asString()).isEqualTo("RAI");
		assertThat(leadPatched.get("status").asString()).isEqualTo("NEW");
	}

	@Test
	void aConvertedLeadsValuesGoToTheRecordsMadeFromItThatHaveTheField() {
		field("LEAD", "tender_ref", "Tender reference", "TEXT", "");
		field("LEAD", "tier", "Tier", "TEXT", "");
		JsonNode lead = ria.post("/api/v1/leads", "{\"personName\":\"Cas\",\"company\":\"Carry Co\",\"customFields\":"
				+ "{\"fair\":\"RAI\",\"tender_ref\":\"T-7\",\"tier\":\"Gold\"}}").json();
		ApiClient.Response converted = ria.post("/api/v1/leads/" + lead.get("id").asString() + "/convert",
				"{\"version\":" + lead.get("version").asInt() + ",\"dealTitle\":\"Carry tender\"}");
		assertThat(converted.status()).as(converted.body()).isEqualTo(200);
		JsonNode made = converted.json();
		// Tender reference is a deal's field, Tier an account's; a trade fair is no field of theirs, nor a contact's.
		assertThat(ria.get("/api/v1/deals/" + made.get("deal").get("id").asString()).json().get("customFields").toString())
			.isEqualTo("{\"tender_ref\":\"T-7\"}");
		assertThat(ria.get("/api/v1/accounts/" + made.get("account").get("id").asString()).json().get("customFields").toString())
			.isEqualTo("{\"tier\":\"Gold\"}");
		assertThat(ria.get("/api/v1/contacts/" + made.get("contact").get("id").asString()).json().get("customFields").toString())
			.isEqualTo("{}");
	}
}
