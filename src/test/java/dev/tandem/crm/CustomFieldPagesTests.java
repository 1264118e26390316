package dev.tandem.crm;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin's custom-fields page and the "Custom fields" card of the record pages, through HTTP with the session of a
 * signed-in user: an admin adds, changes and deactivates fields; a rep may not open the page (403) and edits the values
 * on an account, a refused value telling the field and the rule.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomFieldPagesTests {

	private static final String PASSWORD = "custom-pages-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired AccountManagement accounts;
	@Autowired CustomFieldManagement fields;

	String domain;
	CurrentUser admin;
	CurrentUser ria;

	@BeforeAll
	void openOrganisation() {
		domain = "custom-pages-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Pages " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", PASSWORD);
		ria = CurrentUser.of(users.create(admin, new NewUser("ria@" + domain, "Ria", Role.REP, "en", PASSWORD, List.of())).user());
	}

	@Test
	void anAdminAddsChangesAndDeactivatesFieldsOnTheirPage() {
		WebSession web = WebSession.signedIn(port, "admin@" + domain, PASSWORD);
		assertThat(WebSession.signedIn(port, "ria@" + domain, PASSWORD).get("/admin/custom-fields").statusCode()).isEqualTo(403);
		assertThat(web.get("/").body()).contains("href=\"/admin/custom-fields\"");

		HttpResponse<String> refused = web.post("/admin/custom-fields",
				Map.of("kind", "DEAL", "label", "Size class", "key", "size_class", "type", "CHOICE", "choices", "", "active", "true"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("a choice field needs 1 to 100 choices");

		HttpResponse<String> added = web.post("/admin/custom-fields", Map.of("kind", "DEAL", "label", "Size class", "key",
				"size_class", "type", "CHOICE", "choices", "Small\nLarge, Huge", "active", "true"));
		assertThat(added.statusCode()).isEqualTo(302);
		CustomField field = fields.list(admin, CustomFieldKind.DEAL, true).stream().filter(f -> f.key().equals("size_class"))
			.findFirst().orElseThrow();
		assertThat(field.choices()).containsExactly("Small", "Large", "Huge");
		assertThat(web.get("/admin/custom-fields").body()).contains("Size class", "size_class", "Small, Large, Huge");

		HttpResponse<String> saved = web.post("/admin/custom-fields/" + field.id(), Map.of("version", "0", "label", "Deal size",
				"choices", "Small\nLarge", "position", "4", "active", "true"));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(fields.get(admin, field.id())).extracting(CustomField::label, CustomField::choices, CustomField::position)
			.containsExactly("Deal size", List.of("Small", "Large"), 4);
		assertThat(web.post("/admin/custom-fields/" + field.id(), Map.of("version", "0", "label", "Late", "choices", "Small",
				"position", "4", "active", "true")).body()).as("a stale version says who changed it").contains("Admin");

		assertThat(web.post("/admin/custom-fields/" + field.id() + "/deactivate", Map.of("version", "1")).statusCode()).isEqualTo(302);
		assertThat(fields.get(admin, field.id()).active()).isFalse();
		assertThat(fields.list(admin, CustomFieldKind.DEAL, false)).extracting(CustomField::key).doesNotContain("size_class");
	}

	@Test
	void aRepKeepsAnAccountsValuesOnItsPage() {
		fields.create(admin, new CustomFieldInput(CustomFieldKind.ACCOUNT, "year_established", "Year established",
				CustomFieldType.NUMBER, List.of(), null, true));
		Account account = accounts.create(ria, new NewAccount("Card Co", null, null, null, null, null));
		WebSession web = WebSession.signedIn(port, "ria@" + domain, PASSWORD);
		String page = web.get("/accounts/" + account.id()).body();
		assertThat(page).contains("Custom fields", "name=\"custom.year_established\"", "Year established");

		HttpResponse<String> refused = web.post("/accounts/" + account.id() + "/custom-fields",
				Map.of("version", "0", "custom.year_established", "long ago"));
		assertThat(refused.statusCode()).isEqualTo(302);
		assertThat(web.get("/accounts/" + account.id()).body()).contains("Year established must be a number, like 1998 or 12.5");
		assertThat(accounts.get(ria, account.id()).customFields()).isEmpty();

		assertThat(web.post("/accounts/" + account.id() + "/custom-fields", Map.of("version", "0", "custom.year_established", "1998"))
			.statusCode()).isEqualTo(302);
		assertThat(accounts.get(ria, account.id()).customFields()).containsExactly(Map.entry("year_established", "1998"));
		assertThat(web.get("/accounts/" + account.id()).body()).contains("value=\"1998\"", "Custom fields saved.");
	}
}
