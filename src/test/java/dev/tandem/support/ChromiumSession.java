package dev.tandem.support;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One headless Chromium for the tests of a class: launched before the first, closed after the last. Register it
 * with {@code @RegisterExtension static final ChromiumSession chromium = new ChromiumSession();}. Each
 * {@link #signedIn} page has a browser context of its own (its own cookies, language and window), closed after the
 * test that opened it.
 */
public final class ChromiumSession implements BeforeAllCallback, AfterEachCallback, AfterAllCallback {

	/** The height of the window of {@link #signedIn(String, String, String, int)}: a laptop's, or a phone's when narrow. */
	private static final int HEIGHT = 900;
	private static final int PHONE_HEIGHT = 844;
	private static final int PHONE_WIDTH = 600;

	private final List<BrowserContext> contexts = new CopyOnWriteArrayList<>();
	private Playwright playwright;
	private Browser browser;

	@Override
	public void beforeAll(ExtensionContext context) {
		playwright = Chromium.playwright();
		browser = Chromium.launch(playwright);
	}

	@Override
	public void afterEach(ExtensionContext context) {
		contexts.forEach(BrowserContext::close);
		contexts.clear();
	}

	@Override
	public void afterAll(ExtensionContext context) {
		if (browser != null) {
			browser.close();
		}
		if (playwright != null) {
			playwright.close();
		}
	}

	public Browser browser() {
		return browser;
	}

	/**
	 * Opens {@code url} in a new context with the browser's language {@code locale} (such as {@code en-GB} or
	 * {@code nl-NL}, also sent as Accept-Language) and a window {@code width} pixels wide (a touch phone below 600),
	 * signs in as {@code email} with the demo password on the sign-in page it is sent to, and answers the page it is
	 * sent back to.
	 */
	public Page signedIn(String url, String email, String locale, int width) {
		return signedIn(url, email, Demo.PASSWORD, locale, width);
	}

	/** As {@link #signedIn(String, String, String, int)}, with the password given. */
	public Page signedIn(String url, String email, String password, String locale, int width) {
		boolean phone = width < PHONE_WIDTH;
		return signedIn(url, email, password, new Browser.NewContextOptions().setLocale(locale)
			.setExtraHTTPHeaders(Map.of("Accept-Language", locale + "," + locale.substring(0, 2) + ";q=0.9"))
			.setViewportSize(width, phone ? PHONE_HEIGHT : HEIGHT).setIsMobile(phone).setHasTouch(phone));
	}

	/** As {@link #signedIn(String, String, String, int)}, in a context with the options given. */
	public Page signedIn(String url, String email, String password, Browser.NewContextOptions options) {
		BrowserContext context = browser.newContext(options);
		contexts.add(context);
		Page page = context.newPage();
		page.navigate(url);
		Chromium.signIn(page, email, password);
		return page;
	}
}
