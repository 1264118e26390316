package dev.tandem.people;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import dev.tandem.goals.Goal;
import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.NewGoal;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/**
 * A counter-proposal reaches the rep while she looks at Home: Sanne proposed a goal, Brigitte answers it with another
 * figure and her reason in her own browser, and on Sanne's open page the bell counts the new notice and the waiting
 * list shows Brigitte's figure with her note, without a reload. The notice itself carries the note too.
 */
@TandemIntegrationTest
class NotificationBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired GoalManagement goals;
	@Autowired Notifications notifications;

	@Test
	void aCounterProposalReachesTheRepLiveWithItsNote() {
		CurrentUser sanne = Demo.user(jdbc, Demo.REP);
		// Social-selling activities in a month far ahead: a goal of Sanne's that nothing else in the demo touches.
		Period period = goals.period(sanne, "2028-0" + (1 + Math.floorMod(UUID.randomUUID().hashCode(), 9)), Period.Kind.MONTH);
		Goal goal = goals.propose(sanne, new NewGoal(Scope.user(sanne.id()), GoalMetric.ACTIVITIES, Set.of(ActivityType.SOCIAL), period,
				new BigDecimal("40"), "Forty posts is what I can do beside the calls"));
		notifications.readAll(sanne.orgId(), sanne.id());
		String note = "Sixty: the campaign in " + period.key() + " doubles the reach " + UUID.randomUUID().toString().substring(0, 6);
		String base = "http://localhost:" + port;

		Page rep = chromium.signedIn(base + "/", Demo.REP, "en-GB", 1280);
		assertThat(rep.locator("#home-waiting")).isVisible();
		assertThat(rep.locator("#bell .bell-count")).hasCount(0);
		assertThat(rep.locator("#home-waiting")).not().containsText(note);

		Page manager = chromium.signedIn(base + "/goals/" + goal.id(), Demo.MANAGER, "en-GB", 1280);
		manager.locator(".answer details summary").click();
		manager.locator("#t-" + goal.id()).fill("60");
		manager.locator("#n-" + goal.id()).fill(note);
		manager.locator(".answer details button[type=submit]").click();
		assertThat(manager.locator(".history")).containsText(note);

		// Through the event outbox, the notice and the live stream: on two busy cores that may take seconds.
		LocatorAssertions.HasTextOptions patient = new LocatorAssertions.HasTextOptions().setTimeout(20_000);
		assertThat(rep.locator("#bell .bell-count")).hasText("1", patient);
		assertThat(rep.locator("#home-waiting .waiting-goal", new Page.LocatorOptions().setHasText(note)))
			.containsText("60", new LocatorAssertions.ContainsTextOptions().setTimeout(20_000));
		assertThat(rep.locator("#home-waiting .waiting-goal a[href='/goals/" + goal.id() + "']")).hasCount(1);

		rep.locator("#bell").click();
		assertThat(rep.locator(".notice-list li.unread")).hasCount(1);
		assertThat(rep.locator(".notice-list li.unread .notice-body")).hasText("“" + note + "”");
	}
}
