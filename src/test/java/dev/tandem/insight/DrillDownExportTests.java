package dev.tandem.insight;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.Account;
import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.NewAccount;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.StageMove;
import dev.tandem.goals.Scope;
import dev.tandem.insight.persistence.RecordQueries;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import dev.tandem.support.SmallTeam;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A drill-down shows its total count and amount and exports exactly its records as CSV, with the page's visibility:
 * Team A ({@link SmallTeam}) won three deals in November 2026 (Ann 3,000.00 and 4,500.50, Ben 2,000.00; Ann's October win does not
 * count). Mia, who leads the team, sees 3 for 9,500.50; Ann, a member, sees her own two for 7,500.50, in the page
 * and in the file.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DrillDownExportTests {

	private static final String PASSWORD = "drill-down-passw0rd";

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired AccountManagement accounts;
	@Autowired DealManagement deals;
	@Autowired PlaybookManagement playbook;

	@Autowired DrillDown drillDown;

	String domain;
	UUID team;
	CurrentUser mia;

	@BeforeAll
	void organisation() {
		SmallTeam org = SmallTeam.open(organisations, users, teams, "drill", PASSWORD, "en");
		domain = org.domain();
		team = org.teamA();
		mia = org.mia();
		CurrentUser ann = org.ann();
		CurrentUser ben = org.ben();
		won(ann, "Ann harbour", "3000", LocalDate.of(2026, 11, 3));
		won(ann, "=Ann formula", "4500.50", LocalDate.of(2026, 11, 12));
		won(ben, "Ben bridge", "2000", LocalDate.of(2026, 11, 16));
		won(ann, "Ann october", "9999", LocalDate.of(2026, 10, 30));
	}

	@Test
	void theLeaderSeesTheTeamsTotalAndExportsExactlyThoseDeals() {
		WebSession mia = WebSession.signedIn(port, "mia@" + domain, PASSWORD);
		String path = "/insight/records?scope=team:" + team + "&period=2026-11&what=won";
		String page = mia.get(path).body();
		assertThat(page).contains("3 found", "9,500.50 in total", "href=\"" + path.replace("&", "&amp;") + "&amp;format=csv\"");
		String csv = mia.get(path + "&format=csv").body();
		List<String> lines = csv.lines().toList();
		assertThat(lines).hasSize(4);
		assertThat(lines.get(0)).isEqualTo("\uFEFFid,title,account,owner,stage,status,amount,closeDate,createdAt");
		assertThat(csv).contains("Ann harbour", "Ben bridge", "4500.50", "'=Ann formula").doesNotContain("Ann october");
	}

	@Test
	void aMemberGetsOnlyTheirOwnRecordsOnThePageAndInTheFile() {
		WebSession ann = WebSession.signedIn(port, "ann@" + domain, PASSWORD);
		String path = "/insight/records?scope=team:" + team + "&period=2026-11&what=won";
		String page = ann.get(path).body();
		assertThat(page).contains("2 found", "7,500.50 in total").doesNotContain("Ben bridge");
		String csv = ann.get(path + "&format=csv").body();
		assertThat(csv.lines().count()).isEqualTo(3);
		assertThat(csv).contains("Ann harbour").doesNotContain("Ben bridge");
	}

	@Test
	void aPageOfDealsKeepsTheCountAndAmountOfAllOfThem() {
		Period november = Period.containing(LocalDate.of(2026, 11, 1), Period.Kind.MONTH, 1);
		DrillDown.Records first = drillDown.of(mia, Scope.team(team), november, DrillDown.What.WON, List.of(), new RecordQueries.Window(0, 2));
		assertThat(first.deals()).extracting(RecordQueries.DealLine::title).containsExactly("Ben bridge", "=Ann formula");
		assertThat(first.total()).isEqualTo(3);
		assertThat(first.amount()).isEqualByComparingTo("9500.50");
		DrillDown.Records second = drillDown.of(mia, Scope.team(team), november, DrillDown.What.WON, List.of(),
				new RecordQueries.Window(2, 2));
		assertThat(second.deals()).extracting(RecordQueries.DealLine::title).containsExactly("Ann harbour");
		assertThat(second.amount()).isEqualByComparingTo("9500.50");
		DrillDown.Records beyond = drillDown.of(mia, Scope.team(team), november, DrillDown.What.WON, List.of(),
				new RecordQueries.Window(4, 2));
		assertThat(beyond.deals()).isEmpty();
		assertThat(beyond.total()).isEqualTo(3);
		assertThat(beyond.amount()).isEqualByComparingTo("9500.50");
	}

	private void won(CurrentUser owner, String title, String amount, LocalDate closedOn) {
		Pipeline pipeline = playbook.defaultPipeline(owner.orgId());
		Stage last = pipeline.openStages().get(pipeline.openStages().size() - 1);
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		Account account = accounts.create(owner, new NewAccount(title + " Co", null, null, "NL", null, null));
		Deal deal = deals.create(owner, new NewDeal(account.id(), title, new BigDecimal(amount), null, null, last.id(), null,
				DealSource.INBOUND, "Sign", null), null);
		deals.move(owner, deal.id(), new StageMove(won.id(), deal.version(), null, closedOn, null));
	}
}
