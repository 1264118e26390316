package dev.tandem.platform.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Tells whether a request came from htmx, so one handler can answer a whole page or just the
 * fragment htmx swaps in.
 */
public final class Htmx {

	private Htmx() {
	}

	public static boolean isHtmx(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request")) && !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/** The full page view, or only the named fragment of it for htmx. */
	public static String view(HttpServletRequest request, String page, String fragment) {
		return isHtmx(request) ? page + " :: " + fragment : page;
	}
}
