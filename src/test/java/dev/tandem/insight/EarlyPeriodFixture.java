package dev.tandem.insight;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * December 2026 on a rep's dashboard, for tests pinned on different days of it ({@code tandem.test.clock}).
 * <p>
 * Rhea won (each at 10:00 UTC, 11:00 in the organisation's Amsterdam) 500 on 1 December 2025, 250 on 15 December
 * 2025, 600 on 2 November 2026, 400 on 20 November 2026 and 1,500 on 1 December 2026. She logged no activities. Ruud,
 * who reads Tandem in Dutch, won the same on the same days.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EarlyPeriodFixture {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired PlaybookManagement playbook;
	@Autowired BulkLoad bulkLoad;

	UUID rhea;
	String email;
	UUID ruud;
	String dutchEmail;

	@BeforeAll
	void buildFixture() {
		String domain = "early-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Early " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", "admin-password");
		email = "rhea@" + domain;
		rhea = users.create(admin, new NewUser(email, "Rhea", Role.REP, "en", "password-1", List.of())).user().id();
		dutchEmail = "ruud@" + domain;
		ruud = users.create(admin, new NewUser(dutchEmail, "Ruud", Role.REP, "nl", "password-1", List.of())).user().id();
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		Stage first = pipeline.openStages().get(0);
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		UUID account = Ids.next();
		List<BulkLoadRows.AccountRow> accounts = List.of(new BulkLoadRows.AccountRow(account, "Account", null, null, null, null, rhea,
				Instant.parse("2025-11-01T09:00:00Z")));
		List<BulkLoadRows.DealRow> deals = new ArrayList<>();
		List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
		Map<String, String> wins = Map.of("2025-12-01", "500", "2025-12-15", "250", "2026-11-02", "600", "2026-11-20", "400",
				"2026-12-01", "1500");
		for (UUID owner : List.of(rhea, ruud)) {
			wins.forEach((day, amount) -> {
				UUID id = Ids.next();
				Instant closed = LocalDate.parse(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
				Instant created = closed.minusSeconds(2 * 86400);
				changes.add(new BulkLoadRows.StageChangeRow(id, null, first.id(), created, owner));
				changes.add(new BulkLoadRows.StageChangeRow(id, first.id(), won.id(), closed, owner));
				deals.add(new BulkLoadRows.DealRow(id, account, owner, "Deal " + day, new BigDecimal(amount), LocalDate.parse(day),
						pipeline.id(), won.id(), DealStatus.WON, ForecastCategory.CLOSED, false, null, null, DealSource.OUTBOUND, null, null,
						closed, closed, null, null, created, closed));
			});
		}
		bulkLoad.load(admin.orgId(), new BulkLoad.Batch("early", accounts, List.of(), deals, changes, List.of(), List.of(), List.of(),
				List.of(), List.of(), List.of(), List.of()));
	}

	/** Rhea's dashboard for December 2026 ("en"), or Ruud's ("nl"), as a browser and as htmx ask for it. */
	List<String> pages(String language) {
		boolean dutch = "nl".equals(language);
		WebSession web = WebSession.signedIn(port, dutch ? dutchEmail : email, "password-1");
		List<String> bodies = new ArrayList<>();
		for (Map<String, String> headers : List.of(Map.<String, String>of(), Map.of("HX-Request", "true"))) {
			var page = web.get("/insight/people/" + (dutch ? ruud : rhea) + "?period=2026-12", headers);
			assertThat(page.statusCode()).isEqualTo(200);
			bodies.add(page.body());
		}
		return bodies;
	}

	/** The text a headline number shows under its value: what it is compared with and how, tags left out. */
	static String comparison(String page, String label) {
		String article = article(page, label);
		int compare = article.indexOf("class=\"kpi-compare\"");
		assertThat(compare).as("the comparison of " + label).isNotNegative();
		String div = article.substring(article.indexOf('>', compare) + 1, article.indexOf("</div>", compare));
		return div.replaceAll("<[^>]*>", " ").replaceAll("[\\s\u00a0\u202f]+", " ").trim();
	}

	/** The number a headline shows. */
	static String value(String page, String label) {
		Matcher value = Pattern.compile("class=\"kpi-value\"[^>]*>([^<]*)<").matcher(article(page, label));
		assertThat(value.find()).as("the value of " + label).isTrue();
		return value.group(1).trim();
	}

	private static String article(String page, String label) {
		Matcher kpi = Pattern.compile("<article class=\"kpi\">(.*?)</article>", Pattern.DOTALL).matcher(page);
		while (kpi.find()) {
			if (kpi.group(1).contains("<span class=\"kpi-label\">" + label + "</span>")) {
				return kpi.group(1);
			}
		}
		throw new AssertionError("no headline number " + label);
	}
}
