package dev.tandem.support;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A bounded crawler as a scanner's spider is: from the seed addresses it follows every same-site link, {@code hx-get}
 * (sent with {@code HX-Request}, as htmx does), stylesheet and script of the pages it reaches, at most
 * {@code perPattern} addresses of one shape (ids and query values aside) and {@code maxVisits} in all. It only reads:
 * it never submits a form, and leaves out the live stream, the sign-out and whole-organisation downloads.
 */
public final class SiteCrawler {

	private static final Pattern LINK = Pattern.compile("\\s(href|hx-get|src)=\"([^\"]*)\"");
	private static final Pattern UUID_SEGMENT = Pattern.compile("/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?=/|$|\\?)");
	private static final List<String> NEVER = List.of("/live", "/logout", "/export/organisation.zip", "/api/v1/export");

	private final WebSession session;
	private final int maxVisits;
	private final int perPattern;

	public SiteCrawler(WebSession session, int maxVisits, int perPattern) {
		this.session = session;
		this.maxVisits = maxVisits;
		this.perPattern = perPattern;
	}

	/** One address read: how it was asked for (from which page, as htmx or not) and what came back. */
	public record Visit(String path, boolean htmx, String from, int status, HttpHeaders headers, String body) {

		public String contentType() {
			return headers.firstValue("Content-Type").orElse("");
		}

		public boolean html() {
			return contentType().startsWith("text/html");
		}

		public String describe() {
			return (htmx ? "hx " : "") + path + " (" + status + ", from " + from + ")";
		}
	}

	/** Crawls from {@code seeds}; {@code allowed} may leave out more addresses. */
	public List<Visit> crawl(List<String> seeds, Predicate<String> allowed) {
		Deque<String[]> queue = new ArrayDeque<>();
		seeds.forEach(s -> queue.add(new String[] { s, "false", "seed" }));
		Set<String> seen = new HashSet<>();
		Map<String, Integer> shapes = new HashMap<>();
		List<Visit> visits = new ArrayList<>();
		while (!queue.isEmpty() && visits.size() < maxVisits) {
			String[] next = queue.poll();
			String path = next[0];
			boolean htmx = Boolean.parseBoolean(next[1]);
			String key = (htmx ? "hx " : "") + path;
			if (!seen.add(key) || !allowed.test(path) || NEVER.stream().anyMatch(n -> path.equals(n) || path.startsWith(n + "?"))) {
				continue;
			}
			String shape = (htmx ? "hx " : "") + shape(path);
			if (shapes.merge(shape, 1, Integer::sum) > perPattern) {
				continue;
			}
			HttpResponse<String> response = htmx ? session.get(path, Map.of("HX-Request", "true")) : session.get(path);
			Visit visit = new Visit(path, htmx, next[2], response.statusCode(), response.headers(), response.body());
			visits.add(visit);
			if (visit.html()) {
				for (String[] link : links(path, visit.body())) {
					queue.add(new String[] { link[0], link[1], path });
				}
			}
			response.headers().firstValue("Location").map(l -> local(path, l)).ifPresent(l -> queue.add(new String[] { l, "false", path }));
		}
		return visits;
	}

	/** The same-site addresses a page links to, each with whether htmx would ask for it. */
	public static List<String[]> links(String base, String html) {
		List<String[]> links = new ArrayList<>();
		Matcher m = LINK.matcher(html);
		while (m.find()) {
			String target = local(base, unescape(m.group(2)));
			if (target != null) {
				links.add(new String[] { target, String.valueOf(m.group(1).equals("hx-get")), base });
			}
		}
		return links;
	}

	/** The shape of an address: ids as {@code {id}}, the query as its sorted parameter names. */
	public static String shape(String path) {
		int q = path.indexOf('?');
		String route = UUID_SEGMENT.matcher(q < 0 ? path : path.substring(0, q)).replaceAll("/{id}");
		if (q < 0) {
			return route;
		}
		TreeSet<String> names = new TreeSet<>();
		Arrays.stream(path.substring(q + 1).split("&")).map(p -> p.replaceAll("=.*", "")).forEach(names::add);
		return route + "?" + String.join("&", names);
	}

	private static String local(String base, String target) {
		if (target.isBlank() || target.startsWith("#") || target.startsWith("mailto:") || target.startsWith("tel:")
				|| target.startsWith("data:") || target.startsWith("javascript:")) {
			return null;
		}
		try {
			URI resolved = URI.create("http://site" + base).resolve(target.replace(" ", "%20"));
			if (!"site".equals(resolved.getHost()) && !"localhost".equals(resolved.getHost())) {
				return null;
			}
			String path = resolved.getRawPath() == null || resolved.getRawPath().isEmpty() ? "/" : resolved.getRawPath();
			return resolved.getRawQuery() == null ? path : path + "?" + resolved.getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String unescape(String value) {
		return value.replace("&amp;", "&").replace("&#39;", "'").replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">");
	}
}
