package dev.tandem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The pages and fragments the application serves, read from its handler mappings at run time, so a page added later
 * is walked without a change to a test: every {@code GET} route outside the JSON API, the API documentation and the
 * live stream and the downloads that are no pages (export archives, calendars), with its path variables filled in.
 */
public final class PageRoutes {

	private static final Pattern VARIABLE = Pattern.compile("\\{([^}:]+)(?::[^}]*)?}");

	private PageRoutes() {
	}

	/** The patterns of the page routes, sorted. */
	public static List<String> patterns(RequestMappingHandlerMapping mappings) {
		TreeSet<String> patterns = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (!isGet(info) || isStream(info)) {
				return;
			}
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/") && !pattern.startsWith("/v3/") && !pattern.startsWith("/api-docs")
						&& !pattern.startsWith("/swagger-ui") && !pattern.equals("/error") && !pattern.endsWith(".zip")
						&& !pattern.endsWith(".ics")) {
					patterns.add(pattern);
				}
			}
		});
		return List.copyOf(patterns);
	}

	/**
	 * A pattern with its variables filled: {@code {id}} by an object of the kind the segment before it lists
	 * ({@code /deals/{id}} a deal, {@code /people/{id}} a user), another by the kind it names ({@code {stageId}}).
	 * Answers null when {@code ids} knows no object of the kind.
	 */
	public static String fill(String pattern, Function<String, String> ids) {
		Matcher m = VARIABLE.matcher(pattern);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String id = ids.apply(kind(pattern, m));
			if (id == null) {
				return null;
			}
			m.appendReplacement(out, id);
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The kinds of object a pattern's variables need. */
	public static List<String> kinds(String pattern) {
		List<String> kinds = new ArrayList<>();
		Matcher m = VARIABLE.matcher(pattern);
		while (m.find()) {
			kinds.add(kind(pattern, m));
		}
		return kinds;
	}

	private static String kind(String pattern, Matcher m) {
		String name = m.group(1);
		if (!name.equals("id")) {
			return HostileOrganisation.kindOf(name);
		}
		String segment = pattern.substring(0, m.start()).replaceAll("/$", "").replaceAll("^.*/", "");
		return HostileOrganisation.singular(segment);
	}

	private static boolean isGet(RequestMappingInfo info) {
		var methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() || methods.contains(RequestMethod.GET);
	}

	private static boolean isStream(RequestMappingInfo info) {
		return info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
	}
}
