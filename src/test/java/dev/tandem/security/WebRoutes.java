package dev.tandem.security;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ValueConstants;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The routes of the pages, read from the application's handler mappings at run time: every pattern and method of
 * every controller outside the JSON API, so a page or form a module adds later is walked too.
 */
final class WebRoutes {

	/** Served by others than the pages: the API, its documentation, the error page. */
	private static final List<String> NOT_PAGES = List.of("/api/", "/v3/api-docs", "/api-docs", "/swagger-ui", "/error");

	/** Pages anyone may open, signed in or not; a calendar feed's secret address is its own credential. */
	static final Set<String> PUBLIC = Set.of("/login", "/set-password", "/calendar/{secret}.ics");

	/** One route: method, pattern and the handler that answers it. */
	record Route(String method, String path, HandlerMethod handler, boolean stream) {

		String key() {
			return method + " " + path;
		}

		boolean writes() {
			return !method.equals("GET");
		}

		/** The values of path variables the handler takes as an enum: its constants. */
		Map<String, List<String>> pathValues() {
			Map<String, List<String>> values = new LinkedHashMap<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				org.springframework.web.bind.annotation.PathVariable variable =
						parameter.getParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class);
				if (variable != null && parameter.getParameterType().isEnum()) {
					String name = !variable.name().isEmpty() ? variable.name() : !variable.value().isEmpty() ? variable.value()
							: parameter.getParameterName();
					values.put(name, java.util.Arrays.stream(parameter.getParameterType().getEnumConstants()).map(Object::toString)
						.toList());
				}
			}
			return values;
		}

		/** The query parameters the handler reads, with their names. */
		List<MethodParameter> requestParameters() {
			List<MethodParameter> parameters = new ArrayList<>();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
				if (param != null) {
					parameters.add(parameter);
				}
			}
			return parameters;
		}
	}

	static List<Route> of(RequestMappingHandlerMapping mapping) {
		List<Route> routes = new ArrayList<>();
		mapping.getHandlerMethods().forEach((info, handler) -> {
			boolean stream = info.getProducesCondition().getProducibleMediaTypes().contains(MediaType.TEXT_EVENT_STREAM);
			for (String pattern : info.getPatternValues()) {
				if (NOT_PAGES.stream().anyMatch(pattern::startsWith)) {
					continue;
				}
				String path = pattern.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
				for (String method : methods(info)) {
					routes.add(new Route(method, path, handler, stream));
				}
			}
		});
		routes.sort(Comparator.comparing(Route::path).thenComparing(Route::method));
		return routes;
	}

	private static List<String> methods(RequestMappingInfo info) {
		Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
		return methods.isEmpty() ? List.of("GET") : methods.stream().map(RequestMethod::name).sorted().toList();
	}

	/**
	 * Text parameters whose values follow a format of their own: a scope ({@code user:<id>}, {@code team:<id>}) and
	 * what to drill down into. {@code {user}} stands for the walking rep's id.
	 */
	static final Map<String, String> TEXT_VALUES = Map.of("scope", "user:{user}", "what", "won");

	/** Values for the parameters a page requires, by type; optional ones keep their defaults. */
	static Map<String, String> requiredValues(Route route, Clock clock, java.util.UUID user) {
		Map<String, String> values = new LinkedHashMap<>();
		for (MethodParameter parameter : route.requestParameters()) {
			RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
			if (param.required() && param.defaultValue().equals(ValueConstants.DEFAULT_NONE)
					&& !parameter.getParameterType().equals(java.util.Optional.class)) {
				String name = name(parameter);
				values.put(name, TEXT_VALUES.containsKey(name) ? TEXT_VALUES.get(name).replace("{user}", user.toString())
						: value(parameter.getParameterType(), clock));
			}
		}
		return values;
	}

	/** The query string ({@code ?name=value&...}, or empty) with the values of {@link #requiredValues}. */
	static String query(Route route, Clock clock, java.util.UUID user) {
		StringBuilder query = new StringBuilder();
		requiredValues(route, clock, user).forEach((name, value) -> query.append(query.isEmpty() ? "?" : "&").append(name).append('=').append(value));
		return query.toString();
	}

	private static String value(Class<?> type, Clock clock) {
		if (type.isEnum()) {
			return type.getEnumConstants()[0].toString();
		}
		if (type.equals(LocalDate.class)) {
			return LocalDate.now(clock).toString();
		}
		if (type.equals(int.class) || type.equals(Integer.class) || type.equals(long.class)) {
			return "1";
		}
		if (type.equals(boolean.class) || type.equals(Boolean.class)) {
			return "true";
		}
		return "walker";
	}

	/** The name a query parameter is sent under. */
	static String name(MethodParameter parameter) {
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		String name = param == null ? "" : !param.name().isEmpty() ? param.name() : param.value();
		return name.isEmpty() ? parameter.getParameterName() : name;
	}
}
