package dev.tandem.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.tandem.people.Visibility;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sends SQL injection payloads in every query parameter the OpenAPI document declares (sort, filter and period
 * alike; paging's limit and cursor are the list envelope's) and in every text parameter of every page: each is a
 * 400 naming the parameter or is taken as a literal, never a 5xx, and a payload that would sleep 3 s in the database
 * is answered well before that. That is a property of safe SQL (bound values, allow-listed orders), not a speed
 * target: the bound is far above any normal answer.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InjectionWalkerTests {

	static final List<String> PAYLOADS = List.of("1;select pg_sleep(3)", "name) ; select pg_sleep(3)--", "' or 1=1--");

	/** Well below the 3 s a payload would sleep, well above any answer here. */
	private static final long SLEPT_MILLIS = 2_500;

	/** Paging, not a filter: the list envelope's own, checked by its tests. */
	private static final List<String> PAGING = List.of("limit", "cursor");

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired Visibility visibility;
	@Autowired java.time.Clock clock;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

	Walk walk;

	@BeforeAll
	void signIn() {
		walk = new Walk(port, jdbc, visibility);
	}

	@AfterEach
	void everyAnswerWasSafe() {
		assertThat(walk.unsafeAnswers()).as("answers without the security headers or with a leak").isEmpty();
	}

	@Test
	void everyParameterOfTheApiRefusesOrQuotesInjectedSql() {
		Caller admin = walk.caller("ADMIN");
		ApiOperations document = new ApiOperations(admin.api(port, "GET", "/v3/api-docs", null).body());
		List<String> problems = new ArrayList<>();
		int tried = 0;
		for (ApiOperations.Operation operation : document.all()) {
			if (operation.writes()) {
				continue;
			}
			String path = walk.paths.bind(operation.path(), walk.northwind, walk.near, operation.pathValues()).get(0).path();
			for (ApiOperations.Parameter parameter : operation.query()) {
				if (PAGING.contains(parameter.name())) {
					continue;
				}
				for (String payload : PAYLOADS) {
					String url = path + "?" + parameter.name() + "=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
					Caller.Answer answer = admin.api(port, "GET", url, null);
					judge(admin, operation.key(), parameter.name(), url, answer, problems);
					tried++;
				}
			}
		}
		assertThat(Findings.summary(problems)).as("parameters that did not refuse or quote injected SQL").isEmpty();
		assertThat(tried).as("payloads sent").isGreaterThan(60);
	}

	@Test
	void everyTextParameterOfThePagesRefusesOrQuotesInjectedSql() {
		Caller manager = walk.caller("MANAGER");
		List<String> problems = new ArrayList<>();
		int tried = 0;
		for (WebRoutes.Route route : WebRoutes.of(mapping)) {
			if (route.writes() || route.stream()) {
				continue;
			}
			String path = walk.paths.bind(route.path(), walk.northwind, walk.near, route.pathValues()).get(0).path();
			for (MethodParameter parameter : route.requestParameters()) {
				if (!parameter.getParameterType().equals(String.class)) {
					continue;
				}
				String name = WebRoutes.name(parameter);
				for (String payload : PAYLOADS) {
					Map<String, String> values = new java.util.LinkedHashMap<>(WebRoutes.requiredValues(route, clock, walk.near.iterator().next()));
					values.put(name, payload);
					String url = path + "?" + values.entrySet().stream()
						.map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
						.collect(java.util.stream.Collectors.joining("&"));
					Caller.Answer answer = manager.page("GET", url, Map.of());
					judge(manager, route.key(), name, url, answer, problems);
					tried++;
				}
			}
		}
		assertThat(Findings.summary(problems)).as("parameters that did not refuse or quote injected SQL").isEmpty();
		assertThat(tried).as("payloads sent").isGreaterThan(20);
	}

	private void judge(Caller caller, String operation, String parameter, String url, Caller.Answer answer, List<String> problems) {
		String what = Walk.describe(caller, "GET", url, answer);
		walk.checked(what, answer);
		if (answer.status() >= 500) {
			problems.add("a server error on " + operation + " | " + what);
		}
		if (answer.millis() >= SLEPT_MILLIS) {
			problems.add("answered after " + answer.millis() + " ms on " + operation + " | " + what);
		}
		if (answer.status() == 400 && !answer.body().contains(parameter)) {
			problems.add("a 400 that does not name " + parameter + " on " + operation + " | " + what);
		}
	}
}
