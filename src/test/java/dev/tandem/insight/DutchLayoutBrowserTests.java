package dev.tandem.insight;

import java.util.List;

import com.microsoft.playwright.Page;
import dev.tandem.support.ChromiumSession;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards as a Dutch manager sees them on a laptop: at 1366 px the team table and the tiles fit their cards,
 * nothing of them sticks out to the right and the team table needs no scrolling, in Dutch, whose words are longer
 * than English ones.
 */
@TandemIntegrationTest
class DutchLayoutBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;

	/**
	 * The elements of the team table's card and of the tiles that reach past its right edge, and the team table if it is
	 * wider than its scroll box. (Other tables may scroll inside their card, their first column fixed.)
	 */
	private static final String OVERFLOWING = """
			() => {
			  const out = [];
			  const cards = [...document.querySelectorAll('.kpi')];
			  document.querySelectorAll('.people-table').forEach(t => cards.push(t.closest('.card')));
			  cards.forEach(card => {
			    const edge = card.getBoundingClientRect().right + 0.5;
			    card.querySelectorAll('*').forEach(e => {
			      const r = e.getBoundingClientRect();
			      if (r.width > 0 && r.right > edge) out.push((e.className || e.tagName) + ': ' + (e.textContent || '').trim().slice(0, 40));
			    });
			  });
			  document.querySelectorAll('.table-scroll:has(.people-table)').forEach(s => {
			    if (s.scrollWidth > s.clientWidth + 1) out.push('scrolls: ' + s.querySelector('th').textContent.trim());
			  });
			  return out;
			}""";

	@Test
	void theTeamTableAndTheTilesFitTheirCardsInDutch() {
		String base = "http://localhost:" + port;
		Page brigitte = chromium.signedIn(base + "/insight", Demo.MANAGER, "nl-NL", 1366);
		assertThat(brigitte.locator(".people-table")).isVisible();
		assertThat(brigitte.locator(".people-table th").nth(5)).containsText("Winst");
		@SuppressWarnings("unchecked")
		List<String> overflowing = (List<String>) brigitte.evaluate(OVERFLOWING);
		assertThat(overflowing).as("elements wider than their card on the team dashboard").isEmpty();

		brigitte.navigate(base + "/insight?period=2026");
		assertThat(brigitte.locator(".people-table")).isVisible();
		@SuppressWarnings("unchecked")
		List<String> inYear = (List<String>) brigitte.evaluate(OVERFLOWING);
		assertThat(inYear).as("elements wider than their card in the year view").isEmpty();
	}
}
