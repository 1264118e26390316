package dev.tandem.people.web;

import java.net.URI;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.UserManagement;
import dev.tandem.people.security.SignedInUser;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The language switch in the header: remembered on the user's profile once signed in, in a cookie
 * before.
 */
@Controller
class LanguagePages {

	private final UserManagement users;
	private final SignedInUser signedIn;
	private final UserLocaleResolver localeResolver;

	LanguagePages(UserManagement users, SignedInUser signedIn, UserLocaleResolver localeResolver) {
		this.users = users;
		this.signedIn = signedIn;
		this.localeResolver = localeResolver;
	}

	@PostMapping("/language")
	String switchLanguage(@RequestParam String lang, @AuthenticationPrincipal @Nullable CurrentUser me,
			HttpServletRequest request, HttpServletResponse response) {
		String language = UserLocaleResolver.isSupported(lang) ? lang : "en";
		if (me != null) {
			signedIn.replace(users.changeLanguage(me, language), request, response);
		}
		localeResolver.setLocale(request, response, Locale.forLanguageTag(language));
		return "redirect:" + backTo(request);
	}

	/** The page the switch was used on, if it is one of ours. */
	private static String backTo(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		if (referer != null) {
			try {
				URI uri = URI.create(referer);
				if (uri.getHost() == null || uri.getHost().equals(request.getServerName())) {
					String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
					return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
				}
			}
			catch (IllegalArgumentException ignored) {
				// Not a URI we can go back to.
			}
		}
		return "/";
	}
}
