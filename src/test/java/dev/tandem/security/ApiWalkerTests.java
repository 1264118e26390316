package dev.tandem.security;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.people.Visibility;
import dev.tandem.support.ResponseChecks;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walks every operation of the application's OpenAPI document, as it is served at run time, as anonymous, as each
 * role of Northwind and as users of Zuidwind, with path ids filled with real records of Northwind: one of Sanne's
 * (a rep) and one of someone in another part of the organisation. A new operation is walked without a new test.
 * <ul>
 * <li>Anonymous gets 401 everywhere but the sign-in, and writes nothing.</li>
 * <li>No answer is a 5xx; every answer carries the security headers and shows no hash, secret or stack trace.</li>
 * <li>A read of a record with an owner answers exactly as {@link Visibility} says: 2xx for whoever may see the
 * owner's data, 403/404 for everyone else (the IDOR matrix).</li>
 * <li>The other organisation gets 403/404 for every Northwind id and finds no Northwind id in any answer.</li>
 * <li>A write that must be refused (the other organisation, a role that may not see the record's owner, a role the
 * table below refuses) is 401/403/404 and leaves every tenant table as it was.</li>
 * </ul>
 * Writes are tried only where they must be refused, so the demo data other tests read stays as it is; where a write
 * names no record with an owner, who is refused cannot be read from the document, and {@link #REFUSED} says it. An
 * operation neither rule covers fails {@link #everyOperationIsCoveredByTheRulesOrListed()}.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiWalkerTests {

	private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

	/** Operations anyone may call: signing in for a token, and the first run's setup (only with its token, only while no organisation exists). */
	static final Set<String> PUBLIC = Set.of("POST /api/v1/auth/tokens", "POST /api/v1/setup");

	private static final String NOT_ADMIN = "REP MANAGER EXECUTIVE PARTNER";

	/**
	 * Writes whose path names no record with an owner: the roles of Northwind that must be refused. An empty list says
	 * the rule is the service's (e.g. who leads the team) and the walker only proves the other organisation refused.
	 */
	static final Map<String, Set<String>> REFUSED = table("""
			POST /api/v1/users                                       %1$s
			PATCH /api/v1/users/{id}                                 %1$s
			POST /api/v1/teams                                       %1$s
			PATCH /api/v1/teams/{id}                                 %1$s
			POST /api/v1/pipelines                                   %1$s
			PATCH /api/v1/pipelines/{id}                             %1$s
			POST /api/v1/pipelines/{id}/stages                       %1$s
			PATCH /api/v1/pipelines/{id}/stages/{stageId}            %1$s
			POST /api/v1/products                                    %1$s
			PUT /api/v1/products/{id}                                %1$s
			POST /api/v1/custom-fields                               %1$s
			PUT /api/v1/custom-fields/{id}                           %1$s
			POST /api/v1/imports                                     %1$s
			PUT /api/v1/imports/{id}/mapping                         %1$s
			POST /api/v1/imports/{id}/check                          %1$s
			POST /api/v1/imports/{id}/run                            %1$s
			POST /api/v1/imports/{id}/undo                           %1$s
			PUT /api/v1/teams/{teamId}/routing-weights/{userId}      REP PARTNER
			POST /api/v1/forecast/snapshots                          REP PARTNER
			POST /api/v1/goals/copy
			POST /api/v1/goals
			POST /api/v1/coaching-plans
			POST /api/v1/growth-plans
			POST /api/v1/forecast/submissions
			POST /api/v1/accounts
			POST /api/v1/contacts
			POST /api/v1/deals
			POST /api/v1/deals/bulk
			POST /api/v1/views
			POST /api/v1/activities
			POST /api/v1/help-requests
			POST /api/v1/leads
			POST /api/v1/notifications/read-all
			POST /api/v1/reviews                                     REP PARTNER
			POST /api/v1/reviews/{id}/self-assessment
			POST /api/v1/reviews/{id}/assessment
			POST /api/v1/reviews/{id}/conversation
			POST /api/v1/reviews/{id}/acknowledge
			POST /api/v1/auth/tokens
			POST /api/v1/mentorships                                 PARTNER
			POST /api/v1/mentorships/{id}/end                        PARTNER
			POST /api/v1/readiness-assessments                       PARTNER
			POST /api/v1/readiness-assessments/{id}/raters           PARTNER
			POST /api/v1/readiness-assessments/{id}/conclusion       PARTNER
			POST /api/v1/readiness-assessments/{id}/answers
			POST /api/v1/one-on-ones
			POST /api/v1/one-on-ones/team
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/agenda
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/agenda/{itemId}/done
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/notes
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/actions
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/held
			POST /api/v1/one-on-ones/{id}/meetings/{meetingId}/move
			POST /api/v1/one-on-ones/{id}/actions/{actionId}/done
			POST /api/v1/setup                                       ADMIN %1$s
			POST /api/v1/operator/organisations                      ADMIN %1$s
			""".formatted(NOT_ADMIN));

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired Visibility visibility;
	@Autowired Clock clock;

	Walk walk;
	ApiOperations document;
	TenantTables tables;
	PathValues paths;
	RequestBodies bodies;
	UUID northwind;
	Set<UUID> near;
	Set<UUID> far;

	@BeforeAll
	void readTheDocument() {
		walk = new Walk(port, jdbc, visibility);
		Caller.Answer docs = walk.caller("ANONYMOUS").api(port, "GET", "/v3/api-docs", null);
		assertThat(docs.status()).isEqualTo(200);
		document = new ApiOperations(docs.body());
		tables = walk.tables;
		paths = walk.paths;
		bodies = new RequestBodies(document, jdbc, tables, paths, clock);
		northwind = walk.northwind;
		near = walk.near;
		far = walk.far;
	}

	@org.junit.jupiter.api.AfterEach
	void everyAnswerWasSafe() {
		assertThat(walk.unsafeAnswers()).as("answers without the security headers or with a leak").isEmpty();
	}

	@Test
	void everyOperationIsCoveredByTheRulesOrListed() {
		List<String> problems = new ArrayList<>();
		assertThat(document.all()).as("operations in the document").hasSizeGreaterThan(50);
		for (ApiOperations.Operation operation : document.all()) {
			try {
				List<PathValues.Bound> bound = paths.bind(operation.path(), northwind, far, operation.pathValues());
				boolean owned = bound.stream().allMatch(b -> b.owner() != null);
				if (operation.writes() && !owned && !REFUSED.containsKey(operation.key())) {
					problems.add(operation.key() + " writes, but its path names no record with an owner: list the roles it refuses"
							+ " in ApiWalkerTests.REFUSED");
				}
			}
			catch (PathValues.Unresolvable ex) {
				problems.add(ex.getMessage());
			}
		}
		for (String listed : REFUSED.keySet()) {
			assertThat(document.all().stream().anyMatch(o -> o.key().equals(listed))).as(listed + " is in the document").isTrue();
		}
		assertThat(problems).as("operations the walker cannot cover").isEmpty();
	}

	@Test
	void anonymousCallersGet401OnEveryOperationAndWriteNothing() {
		Caller anonymous = walk.caller("ANONYMOUS");
		Map<String, String> before = tables.fingerprint();
		int calls = 0;
		for (ApiOperations.Operation operation : document.all()) {
			if (PUBLIC.contains(operation.key())) {
				continue;
			}
			for (PathValues.Bound bound : paths.bind(operation.path(), northwind, near, operation.pathValues())) {
				Caller.Answer answer = call(anonymous, operation, bound, northwind, near);
				assertThat(answer.status()).as(describe(anonymous, operation, bound, answer)).isEqualTo(401);
				assertThat(answer.contentType()).as(operation.key()).startsWith("application/problem+json");
				calls++;
			}
		}
		assertThat(TenantTables.changed(before, tables.fingerprint())).as("tables anonymous calls changed").isEmpty();
		assertThat(calls).isGreaterThan(50);
	}

	@Test
	void readsAnswerAsVisibilitySaysAndTheOtherOrganisationSeesNothingOfNorthwind() {
		List<String> problems = new ArrayList<>();
		for (ApiOperations.Operation operation : document.all()) {
			if (operation.writes()) {
				continue;
			}
			Set<String> walked = new LinkedHashSet<>();
			for (Set<UUID> owners : List.of(near, far)) {
				for (PathValues.Bound bound : paths.bind(operation.path(), northwind, owners, operation.pathValues())) {
					if (!walked.add(bound.path())) {
						continue;
					}
					for (Caller caller : walk.callers) {
						if (!caller.anonymous()) {
							read(caller, operation, bound, problems);
						}
					}
				}
			}
		}
		assertThat(Findings.summary(problems)).as("reads that answered otherwise than the rules say").isEmpty();
	}

	private void read(Caller caller, ApiOperations.Operation operation, PathValues.Bound bound, List<String> problems) {
		Caller.Answer answer = call(caller, operation, bound, northwind, near);
		String what = describe(caller, operation, bound, answer);
		boolean foreign = walk.foreign(caller);
		if (answer.status() >= 500) {
			problems.add("a server error on " + operation.key() + " | " + what);
			return;
		}
		if (foreign) {
			if (bound.hasIds() && answer.status() < 400) {
				problems.add("the other organisation read a Northwind record on " + operation.key() + " | " + what);
			}
			else if (!bound.hasIds() && answer.status() != 200 && answer.status() != 403 && answer.status() != 404) {
				problems.add("expected 200, 403 or 404 on " + operation.key() + " | " + what);
			}
		}
		else if (bound.owner() != null) {
			// A saved view is read by its own rule: its owner's, or shared with the owner's team (the directory).
			boolean mayRead = "crm_saved_view".equals(bound.firstTable()) ? viewVisible(caller, bound)
					: visibility.canSee(caller.user(), bound.owner());
			if (mayRead && answer.status() != 200 || !mayRead && answer.status() != 403 && answer.status() != 404) {
				problems.add((mayRead ? "owner visible, expected 200" : "owner not visible, expected 403/404") + " on " + operation.key() + " | " + what);
			}
		}
		else if (answer.status() != 200 && answer.status() != 403 && answer.status() != 404) {
			problems.add("expected 200, 403 or 404 on " + operation.key() + " | " + what);
		}
		if (answer.status() == 200) {
			Set<UUID> leaked = walk.otherOrganisationsIds(caller, answer.body(), Set.copyOf(bound.ids().values()));
			if (!leaked.isEmpty()) {
				problems.add("shows ids of the other organisation on " + operation.key() + " | " + what + " " + leaked);
			}
		}
	}

	private boolean viewVisible(Caller caller, PathValues.Bound bound) {
		UUID id = bound.ids().values().iterator().next();
		boolean shared = jdbc.sql("select shared from crm_saved_view where org_id = :org and id = :id").param("org", northwind)
			.param("id", id).query(Boolean.class).single();
		return bound.owner().equals(caller.user().id()) || shared && visibility.directory(caller.user()).contains(bound.owner());
	}

	/**
	 * The operations a partner department uses, written out here rather than read from the security rules: the
	 * directory, notifications, its tokens, search and reading leads (marketing's feedback on their quality). Every other
	 * operation is a sales one.
	 */
	private static final List<String> PARTNER_OPERATIONS = List.of("GET /api/v1/me", "GET /api/v1/users", "GET /api/v1/users/{id}",
			"PATCH /api/v1/users/{id}", "GET /api/v1/teams", "GET /api/v1/teams/{id}", "PATCH /api/v1/teams/{id}",
			"GET /api/v1/notifications", "POST /api/v1/notifications/{id}/read", "POST /api/v1/notifications/read-all",
			"GET /api/v1/auth/tokens", "DELETE /api/v1/auth/tokens/{id}", "GET /api/v1/search", "GET /api/v1/leads",
			"GET /api/v1/leads/{id}",
			// A partner invited as a 360 rater of a readiness assessment answers it.
			"GET /api/v1/readiness-assessments/invitations", "GET /api/v1/readiness-assessments/{id}/answer",
			"POST /api/v1/readiness-assessments/{id}/answers");

	@Test
	void aPartnerIsRefusedEverySalesOperationAndWritesNothing() {
		Caller partner = walk.caller("PARTNER");
		List<String> problems = new ArrayList<>();
		Map<String, String> before = tables.fingerprint();
		int refused = 0;
		for (ApiOperations.Operation operation : document.all()) {
			if (PUBLIC.contains(operation.key()) || PARTNER_OPERATIONS.contains(operation.key())) {
				continue;
			}
			for (PathValues.Bound bound : paths.bind(operation.path(), northwind, near, operation.pathValues())) {
				Caller.Answer answer = call(partner, operation, bound, northwind, near);
				if (answer.status() != 403) {
					problems.add("a sales operation not refused to a partner on " + operation.key() + " | " + describe(partner, operation,
							bound, answer));
				}
				refused++;
			}
		}
		assertThat(TenantTables.changed(before, tables.fingerprint())).as("tables the refused calls changed").isEmpty();
		assertThat(Findings.summary(problems)).as("sales operations a partner could call").isEmpty();
		assertThat(refused).isGreaterThan(50);
		for (String listed : PARTNER_OPERATIONS) {
			assertThat(document.all().stream().anyMatch(o -> o.key().equals(listed))).as(listed + " is in the document").isTrue();
		}
	}

	@Test
	void aMethodAPathDoesNotTakeIs405WithTheHeadersWhoeverAsks() {
		List<String> problems = new ArrayList<>();
		Map<String, Set<String>> methods = new LinkedHashMap<>();
		document.all().forEach(o -> methods.computeIfAbsent(o.path(), p -> new LinkedHashSet<>()).add(o.method()));
		methods.forEach((template, taken) -> {
			String method = List.of("PUT", "PATCH", "DELETE", "POST", "GET").stream().filter(m -> !taken.contains(m)).findFirst()
				.orElseThrow();
			PathValues.Bound bound = paths.bind(template, northwind, near, document.all().stream()
				.filter(o -> o.path().equals(template)).findFirst().orElseThrow().pathValues()).get(0);
			Caller.Answer answer = walk.checked(template, walk.caller("ADMIN").api(port, method, bound.path(), null));
			if (answer.status() != 405) {
				problems.add("expected 405 | " + describe(walk.caller("ADMIN"), new ApiOperations.Operation(method, template, List.of(),
						null, null), bound, answer));
			}
		});
		// The container refuses TRACE before any filter runs; the error it answers is the error page's.
		for (Caller caller : List.of(walk.caller("ANONYMOUS"), walk.caller("REP"))) {
			for (String path : List.of("/", "/api/v1/me")) {
				Caller.Answer trace = walk.checked("TRACE " + path, caller.api(port, "TRACE", path, null));
				if (trace.status() != 405) {
					problems.add("expected 405 | " + Walk.describe(caller, "TRACE", path, trace));
				}
			}
		}
		assertThat(Findings.summary(problems)).isEmpty();
	}

	@Test
	void writesThatMustBeRefusedAreRefusedAndWriteNothing() {
		List<String> problems = new ArrayList<>();
		int refused = 0;
		List<ApiOperations.Operation> writes = document.all().stream().filter(ApiOperations.Operation::writes)
			.sorted(java.util.Comparator.comparing(o -> o.method().equals("DELETE"))).toList();
		Map<String, String> before = tables.fingerprint();
		for (ApiOperations.Operation operation : writes) {
			for (PathValues.Bound bound : paths.bind(operation.path(), northwind, far, operation.pathValues())) {
				for (Caller caller : walk.callers) {
					if (caller.anonymous() || !mustBeRefused(caller, operation, bound)) {
						continue;
					}
					boolean foreign = !caller.user().orgId().equals(northwind);
					if (foreign && !bound.hasIds()) {
						continue; // a write of its own organisation's; what it may not do is name Northwind's records
					}
					Caller.Answer answer = call(caller, operation, bound, northwind, far);
					String what = describe(caller, operation, bound, answer);
					if (answer.status() != 403 && answer.status() != 404) {
						problems.add("expected 403 or 404 on " + operation.key() + " | " + what);
					}
					refused++;
				}
				Map<String, String> after = tables.fingerprint();
				Set<String> changed = TenantTables.changed(before, after);
				before = after;
				if (!changed.isEmpty()) {
					problems.add("refused calls changed tables | " + bound.path() + " " + operation.key() + " " + changed);
				}
			}
		}
		assertThat(Findings.summary(problems)).as("writes that were not refused, or refused but wrote").isEmpty();
		assertThat(refused).isGreaterThan(50);
	}

	private boolean mustBeRefused(Caller caller, ApiOperations.Operation operation, PathValues.Bound bound) {
		if (!caller.user().orgId().equals(northwind)) {
			return true;
		}
		if (REFUSED.containsKey(operation.key())) {
			return REFUSED.get(operation.key()).contains(caller.name());
		}
		return bound.owner() != null && !visibility.canSee(caller.user(), bound.owner());
	}

	/** Calls the operation as the caller, checks what every answer must carry, and answers it. */
	private Caller.Answer call(Caller caller, ApiOperations.Operation operation, PathValues.Bound bound, UUID orgId, Set<UUID> owners) {
		Caller.Answer answer;
		if (operation.bodyType() != null && operation.bodyType().startsWith("multipart/")) {
			answer = caller.upload(port, bound.path() + "?kind=ACCOUNTS", "walker.csv", Walk.UPLOAD);
		}
		else {
			String body = operation.writes() ? bodies.body(operation, bound, orgId, owners) : null;
			answer = caller.api(port, operation.method(), bound.path() + requiredQuery(operation), body);
		}
		return walk.checked(describe(caller, operation, bound, answer), answer);
	}

	/** Values for the query parameters a read requires (a search's text), as {@code ?name=value&...}; else empty. */
	private static String requiredQuery(ApiOperations.Operation operation) {
		StringBuilder query = new StringBuilder();
		if (operation.writes()) {
			return "";
		}
		operation.query().stream().filter(ApiOperations.Parameter::required)
			.forEach(p -> query.append(query.isEmpty() ? "?" : "&").append(p.name()).append("=walk"));
		return query.toString();
	}

		private static String describe(Caller caller, ApiOperations.Operation operation, PathValues.Bound bound, Caller.Answer answer) {
		return Walk.describe(caller, operation.method(), bound.path(), answer);
	}

	static Set<UUID> uuids(String body) {
		Set<UUID> ids = new LinkedHashSet<>();
		Matcher matcher = UUIDS.matcher(body);
		while (matcher.find()) {
			ids.add(UUID.fromString(matcher.group()));
		}
		return ids;
	}

	/** Reads a table of {@code METHOD /path ROLE ROLE ...} lines. */
	static Map<String, Set<String>> table(String text) {
		Map<String, Set<String>> rows = new LinkedHashMap<>();
		for (String line : text.strip().split("\n")) {
			String[] words = line.strip().split("\\s+");
			rows.put(words[0] + " " + words[1], Set.of(java.util.Arrays.copyOfRange(words, 2, words.length)));
		}
		return rows;
	}
}
