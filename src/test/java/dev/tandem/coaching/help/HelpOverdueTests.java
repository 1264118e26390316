package dev.tandem.coaching.help;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import dev.tandem.coaching.HelpRequestFigures;
import dev.tandem.coaching.help.HelpRequestLoad.Row;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Ids;
import dev.tandem.support.LineOrganisation;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.TestClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overdue by working days on the pinned clock (Wednesday 18 November 2026, 10:00 in Amsterdam): a request raised on
 * Friday afternoon was due on Monday afternoon and is overdue; one raised on Tuesday afternoon is due this afternoon
 * and is not; an answered one never is. The manager sees the overdue one first.
 */
@TandemIntegrationTest
class HelpOverdueTests {

	@LocalServerPort int port;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired HelpRequestLoad load;
	@Autowired HelpRequestFigures figures;
	@Autowired Clock clock;

	@Test
	void aFridayRequestIsOverdueOnWednesdayAndATuesdayOneIsNot() {
		assertThat(OffsetDateTime.parse(TestClock.PINNED).getDayOfWeek().name()).isEqualTo("WEDNESDAY");
		LineOrganisation org = LineOrganisation.open(organisations, users, teams, port, clock);
		String account = org.api("a1").post("/api/v1/accounts", "{\"name\":\"Overdue " + org.email("a1") + "\"}").json().get("id").asString();
		java.util.UUID accountId = java.util.UUID.fromString(account);
		Row tuesday = row(org, accountId, "2026-11-17T15:00:00+01:00", "Tuesday question");
		Row friday = row(org, accountId, "2026-11-13T15:00:00+01:00", "Friday question");
		Row answered = new Row(Ids.next(), org.id("a1"), null, accountId, "Answered question", HelpCategory.OTHER, HelpUrgency.NORMAL,
				at("2026-11-12T15:00:00+01:00"), List.of(new HelpRequestLoad.AnswerRow(Ids.next(), org.id("ma"), "Try this",
						at("2026-11-16T09:00:00+01:00"))), null, null, null, null, null);
		load.load(org.orgId(), List.of(tuesday, friday, answered));

		JsonNode inbox = org.api("ma").get("/api/v1/help-requests?scope=inbox&open=true").json().get("items");
		assertThat(inbox).extracting(r -> r.get("question").asString())
			.containsExactly("Friday question", "Answered question", "Tuesday question");
		assertThat(inbox).extracting(r -> r.get("overdue").asBoolean()).containsExactly(true, false, false);
		assertThat(inbox.get(0).get("dueBy").asString()).isEqualTo("2026-11-16T14:00:00Z");
		assertThat(inbox.get(2).get("dueBy").asString()).isEqualTo("2026-11-18T14:00:00Z");
		assertThat(inbox.get(1).get("responseHours").asDouble()).isEqualTo(90.0);
		assertThat(org.web("ma").get("/coaching/help").body()).contains("Overdue");

		assertThat(figures.openRequests(org.orgId(), org.id("a1"))).isEqualTo(3);
		assertThat(figures.medianResponseHours(org.orgId(), org.id("ma"), LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")))
			.isEqualTo(90.0);
		assertThat(figures.medianResponseHours(org.orgId(), org.id("ma"), LocalDate.parse("2026-11-13"), LocalDate.parse("2026-11-30")))
			.as("asked before the range").isNull();
	}

	private static Row row(LineOrganisation org, java.util.UUID account, String askedAt, String question) {
		return new Row(Ids.next(), org.id("a1"), null, account, question, HelpCategory.PROCESS, HelpUrgency.NORMAL, at(askedAt), List.of(),
				null, null, null, null, null);
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
