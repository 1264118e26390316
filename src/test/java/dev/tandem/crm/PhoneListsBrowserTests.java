package dev.tandem.crm;

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
 * On a phone (390 px) the lists need no sideways scroll: each row becomes a block with every value under its column's
 * name, and the tick box of the deals list stays usable.
 */
@TandemIntegrationTest
class PhoneListsBrowserTests {

	@RegisterExtension
	static final ChromiumSession chromium = new ChromiumSession();

	@LocalServerPort int port;

	/** Elements reaching past the right edge of the window (but the hidden column heads), and scroll boxes that scroll sideways. */
	private static final String SIDEWAYS = """
			() => {
			  const out = [];
			  const edge = document.documentElement.clientWidth + 0.5;
			  document.querySelectorAll('main *').forEach(e => {
			    if (e.closest('thead')) return; // hidden from sight, kept for screen readers
			    const r = e.getBoundingClientRect();
			    if (r.width > 0 && r.right > edge) out.push((e.className || e.tagName) + ': ' + (e.textContent || '').trim().slice(0, 40));
			  });
			  document.querySelectorAll('.table-scroll').forEach(s => {
			    if (s.scrollWidth > s.clientWidth + 1) out.push('scrolls: ' + s.textContent.trim().slice(0, 40));
			  });
			  return out;
			}""";

	@Test
	void theDealsAndActivitiesListsFitAPhone() {
		String base = "http://localhost:" + port;
		Page page = chromium.signedIn(base + "/deals", Demo.MANAGER, "en-GB", 390);
		assertThat(page.locator("table.table-stack tbody tr").first()).isVisible();
		// Every value is shown under its column's name.
		assertThat(page.locator("table.table-stack tbody tr").first().locator("td[data-label='Amount']")).isVisible();
		@SuppressWarnings("unchecked")
		List<String> deals = (List<String>) page.evaluate(SIDEWAYS);
		assertThat(deals).as("what sticks out of the deals list at 390 px").isEmpty();
		page.locator("table.table-stack tbody tr").first().locator("td.pick input").check();
		assertThat(page.locator("table.table-stack tbody tr").first().locator("td.pick input")).isChecked();

		page.navigate(base + "/activities");
		assertThat(page.locator("table.table-stack tbody tr").first()).isVisible();
		assertThat(page.locator("table.table-stack tbody tr").first().locator("td[data-label='What happened']")).isVisible();
		@SuppressWarnings("unchecked")
		List<String> activities = (List<String>) page.evaluate(SIDEWAYS);
		assertThat(activities).as("what sticks out of the activities list at 390 px").isEmpty();
	}
}
