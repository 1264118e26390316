package dev.tandem.security;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.Visibility;
import dev.tandem.support.ResponseChecks;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every walker works with: the callers, the tenant tables, the path values, the two organisations, whose
 * records to name (Sanne's, and those of someone outside Brigitte's teams) and the secrets no answer may show. It
 * checks every answer for the security headers and leaks, and gathers what it finds.
 */
final class Walk {

	final List<Caller> callers;
	final TenantTables tables;
	final PathValues paths;
	final List<String> secrets;
	final UUID northwind;
	final UUID zuidwind;
	/** Sanne, a rep: her records are seen by her line and the admin. */
	final Set<UUID> near;
	/** People of Northwind outside Brigitte's teams: their records are not Sanne's, Brigitte's or Kim's to see. */
	final Set<UUID> far;
	private final List<String> unsafe = new ArrayList<>();

	/** What a multipart operation is sent: a file any import takes. */
	static final byte[] UPLOAD = "name,sector\nWalker Account,Retail\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

	Walk(int port, JdbcClient jdbc, Visibility visibility) {
		callers = Caller.all(port, jdbc);
		tables = new TenantTables(jdbc);
		paths = new PathValues(jdbc, tables);
		secrets = tables.storedSecrets();
		northwind = caller("ADMIN").user().orgId();
		zuidwind = caller("OTHER_ADMIN").user().orgId();
		near = Set.of(caller("REP").user().id());
		far = new LinkedHashSet<>(jdbc.sql("select id from people_user where org_id = :org and role in ('REP', 'MANAGER') order by id")
			.param("org", northwind).query(UUID.class).list());
		far.removeAll(visibility.visibleUsers(caller("MANAGER").user()));
		assertThat(far).as("people of Northwind outside Brigitte's teams").isNotEmpty();
		stageAnImport(port, jdbc);
	}

	/** An import uploaded and never run, so the routes of imports have a record to name; it changes nothing else. */
	private void stageAnImport(int port, JdbcClient jdbc) {
		if (jdbc.sql("select count(*) from exchange_import where org_id = :org").param("org", northwind).query(Long.class).single() == 0) {
			Caller.Answer staged = caller("ADMIN").upload(port, "/api/v1/imports?kind=ACCOUNTS", "walker.csv", UPLOAD);
			assertThat(staged.status()).as(staged.body()).isEqualTo(201);
		}
	}

	Caller caller(String name) {
		return callers.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
	}

	boolean foreign(Caller caller) {
		return !caller.anonymous() && !caller.user().orgId().equals(northwind);
	}

	/** Checks the headers and the body of an answer, noting what fails; answers it. */
	Caller.Answer checked(String what, Caller.Answer answer) {
		try {
			ResponseChecks.assertSecureHeaders(what, answer.headers());
			if (answer.contentType().startsWith("text/") || answer.contentType().contains("json") || answer.contentType().isEmpty()) {
				ResponseChecks.assertNoLeak(what, answer.body(), secrets);
			}
		}
		catch (AssertionError ex) {
			unsafe.add(Findings.of(ex, what));
		}
		return answer;
	}

	/** What the checks of every answer found since last asked, summarised; empty when all was well. */
	List<String> unsafeAnswers() {
		List<String> found = Findings.summary(unsafe);
		unsafe.clear();
		return found;
	}

	/** The ids of the other organisation an answer to the caller shows, leaving out those its own people sent. */
	Set<UUID> otherOrganisationsIds(Caller caller, String body, Set<UUID> sent) {
		Set<UUID> shown = ApiWalkerTests.uuids(body);
		shown.removeAll(sent);
		Set<UUID> leaked = new LinkedHashSet<>(tables.ownedBy(foreign(caller) ? northwind : zuidwind, shown));
		if (!leaked.isEmpty()) {
			// The audit log shows what the organisation's own people asked for, ids they sent included.
			leaked.removeAll(tables.idsAskedFor(caller.user().orgId()));
		}
		return leaked;
	}

	static String describe(Caller caller, String method, String path, Caller.Answer answer) {
		String body = answer.body().length() > 300 ? answer.body().substring(0, 300) + "..." : answer.body();
		return caller.name() + " " + method + " " + path + " -> " + answer.status() + " " + body.replace('\n', ' ');
	}
}
