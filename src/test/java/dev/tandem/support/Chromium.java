package dev.tandem.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Headless Chromium for browser tests: Debian's {@code /usr/bin/chromium}, or the one named by
 * {@code TANDEM_CHROMIUM}. Without a browser the tests fail with a clear message; they never skip.
 */
public final class Chromium {

	private Chromium() {
	}

	public static Playwright playwright() {
		return Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
	}

	public static Browser launch(Playwright playwright) {
		Path chromium = Path.of(System.getenv().getOrDefault("TANDEM_CHROMIUM", "/usr/bin/chromium"));
		if (!Files.isExecutable(chromium)) {
			fail("No Chromium at " + chromium + ". Install Debian's chromium (apt-get install -y chromium) "
					+ "or point TANDEM_CHROMIUM at a Chromium binary. Browser tests do not skip.");
		}
		return playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
			.setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
					"--no-first-run", "--disable-sync")));
	}

	/** Signs in with the demo password on the login page the browser is on. */
	public static void signIn(Page page, String email) {
		signIn(page, email, Demo.PASSWORD);
	}

	/**
	 * Signs in on the login page the browser is on, in whichever language it shows, and waits until the browser has
	 * left it: a refused sign-in fails here, not at the test's next step.
	 */
	public static void signIn(Page page, String email, String password) {
		page.locator("#username").fill(email);
		page.locator("#password").fill(password);
		page.locator("form[action$='/login'] button[type=submit]").click();
		page.waitForURL(url -> !url.contains("/login"));
	}
}
