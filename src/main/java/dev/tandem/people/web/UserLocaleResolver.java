package dev.tandem.people.web;

import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of a request: for the API, the client's {@code Accept-Language}; in the UI, the
 * signed-in user's own choice; before sign-in, and for a user who never chose one, the one picked on the login page
 * (a cookie), else the best match of the browser's languages; else the user's stored language, English by default.
 */
@Component("localeResolver")
class UserLocaleResolver implements LocaleResolver {

	static final String COOKIE = "tandem-lang";
	private static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("nl"));

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		String header = request.getHeader("Accept-Language");
		boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
		if (api && header != null && !header.isBlank()) {
			return fromHeader(header);
		}
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		CurrentUser user = auth != null && auth.getPrincipal() instanceof CurrentUser u ? u : null;
		if (user != null && user.languageChosen()) {
			return user.language();
		}
		if (request.getCookies() != null) {
			for (Cookie cookie : request.getCookies()) {
				if (COOKIE.equals(cookie.getName()) && isSupported(cookie.getValue())) {
					return Locale.forLanguageTag(cookie.getValue());
				}
			}
		}
		Locale fallback = user != null ? user.language() : Locale.ENGLISH;
		return header == null || header.isBlank() ? fallback : fromHeader(header, fallback);
	}

	private static Locale fromHeader(String header) {
		return fromHeader(header, Locale.ENGLISH);
	}

	private static Locale fromHeader(String header, Locale fallback) {
		try {
			Locale match = Locale.lookup(Locale.LanguageRange.parse(header), SUPPORTED);
			return match == null ? fallback : match;
		}
		catch (IllegalArgumentException ex) {
			// A malformed header is the client's problem.
			return fallback;
		}
	}

	@Override
	public void setLocale(HttpServletRequest request, @Nullable HttpServletResponse response, @Nullable Locale locale) {
		if (response != null && locale != null) {
			Cookie cookie = new Cookie(COOKIE, locale.getLanguage());
			cookie.setPath("/");
			cookie.setHttpOnly(true);
			cookie.setMaxAge(60 * 60 * 24 * 365);
			cookie.setAttribute("SameSite", "Lax");
			response.addCookie(cookie);
		}
	}

	static boolean isSupported(@Nullable String language) {
		return "en".equals(language) || "nl".equals(language);
	}
}
