package dev.tandem.coaching.oneonone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.goals.Scope;
import dev.tandem.insight.Coaching;
import dev.tandem.insight.CoachingFocus;
import dev.tandem.insight.Dashboards;
import dev.tandem.insight.Summary;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Period;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The rep's numbers on a 1:1 are insight's and the CRM's own: the month's goals with attainment and pace and the hygiene
 * as the person dashboard reports them, the coaching focus as insight suggests it, and the activities and closed deals
 * since the last 1:1 as the CRM's records count them. Holding the meeting keeps them, and the next meeting compares.
 */
@TandemIntegrationTest
class MeetingSnapshotTests {

	@Autowired OneOnOneManagement oneOnOnes;
	@Autowired Dashboards dashboards;
	@Autowired Coaching coaching;
	@Autowired JdbcClient jdbc;

	@Test
	void theSnapshotHoldsInsightsFiguresForTheSamePeriodAndIsKeptWhenHeld() {
		CurrentUser mark = Demo.user(jdbc, "mark@northwind.demo");
		UUID ruben = Demo.userId(jdbc, "ruben@northwind.demo");
		Series series = oneOnOnes.start(mark, null, ruben, new NewSeries(Cadence.WEEKLY, DayOfWeek.THURSDAY, LocalTime.of(15, 0), 30,
				LocalDate.of(2026, 11, 19)));
		List<Meeting> meetings = oneOnOnes.meetings(mark, series.id());
		Snapshot live = oneOnOnes.meeting(mark, meetings.get(0).id()).snapshot();

		Period november = Period.parse("2026-11", 1, "period");
		Summary summary = dashboards.summary(mark, Scope.user(ruben), november);
		assertThat(live.period()).isEqualTo("2026-11");
		assertThat(live.goals()).extracting(Snapshot.GoalLine::metric)
			.containsExactlyElementsOf(summary.goals().stream().map(g -> g.goal().metric().name()).toList());
		for (int i = 0; i < live.goals().size(); i++) {
			assertThat(live.goals().get(i).attainment()).isEqualTo(summary.goals().get(i).progress().attainment());
			assertThat(live.goals().get(i).pace()).isEqualTo(summary.goals().get(i).progress().pace());
		}
		assertThat(live.goals()).as("the demo gives Ruben goals this month").isNotEmpty();
		assertThat(live.hygieneScore()).isEqualTo(summary.hygiene().score());
		assertThat(live.openDeals()).isEqualTo(summary.hygiene().deals().size());
		assertThat(live.flaggedDeals()).isEqualTo(summary.hygiene().flagged());
		CoachingFocus focus = coaching.coachingFor(mark, ruben, november);
		assertThat(live.focus() == null ? null : live.focus().stage()).isEqualTo(focus == null ? null : focus.stage());

		// A first 1:1 looks four weeks back: 21 October up to and including today, 18 November, in Amsterdam.
		assertThat(live.since()).isEqualTo(LocalDate.of(2026, 10, 21));
		assertThat(live.until()).isEqualTo(LocalDate.of(2026, 11, 18));
		Map<String, Long> counted = new LinkedHashMap<>();
		jdbc.sql("""
				select type, count(*) from crm_activity_v
				 where owner_id = :ruben and done
				   and occurred_at >= timestamptz '2026-10-21 00:00 Europe/Amsterdam' and occurred_at < timestamptz '2026-11-19 00:00 Europe/Amsterdam'
				 group by type order by type
				""").param("ruben", ruben).query((rs, n) -> counted.put(rs.getString(1), rs.getLong(2))).list();
		assertThat(live.activitiesByType()).isEqualTo(counted);
		assertThat(live.activities()).isEqualTo(counted.values().stream().mapToLong(Long::longValue).sum()).isPositive();
		assertThat(live.wonDeals()).isEqualTo(closed(ruben, "WON"));
		assertThat(live.lostDeals()).isEqualTo(closed(ruben, "LOST"));

		MeetingView held = oneOnOnes.hold(mark, meetings.get(0).id(), meetings.get(0).version());
		assertThat(held.snapshot().activitiesByType()).isEqualTo(counted);
		assertThat(held.snapshot().hygieneScore()).isEqualTo(live.hygieneScore());
		MeetingView next = oneOnOnes.meeting(mark, meetings.get(1).id());
		assertThat(next.previous()).as("the next meeting compares with the one held").isEqualTo(held.snapshot());
		assertThat(next.snapshot().since()).as("since the day of the last 1:1").isEqualTo(LocalDate.of(2026, 11, 18));
	}

	private long closed(UUID owner, String status) {
		return jdbc.sql("""
				select count(*) from crm_deal_v where owner_id = :owner and status = :status
				   and close_date >= date '2026-10-21' and close_date < date '2026-11-19'
				""").param("owner", owner).param("status", status).query(Long.class).single();
	}
}
