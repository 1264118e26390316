package dev.tandem.coaching.oneonone;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Tenancy;
import dev.tandem.platform.WaitingWork;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What 1:1s remind people of: an action past its due date gives its owner one notice however often the morning job
 * runs, and waits on Home with a 1:1 of tomorrow and its open points; starting a whole team's 1:1s skips who has one.
 */
@TandemIntegrationTest
class OneOnOneRemindersTests {

	@Autowired OneOnOneManagement oneOnOnes;
	@Autowired OneOnOneNotices notices;
	@Autowired OneOnOneWaiting waiting;
	@Autowired JdbcClient jdbc;

	@Test
	void anOverdueActionIsToldOnceAndWaitsOnHome() {
		CurrentUser fatima = Demo.user(jdbc, "fatima@northwind.demo");
		CurrentUser fleur = Demo.user(jdbc, "fleur@northwind.demo");
		// Thursday 19 November at 11:00: tomorrow, seen from Wednesday 18 November.
		Series series = oneOnOnes.start(fatima, null, fleur.id(), new NewSeries(Cadence.WEEKLY, DayOfWeek.THURSDAY, LocalTime.of(11, 0), 45,
				LocalDate.of(2026, 11, 19)));
		Meeting tomorrow = oneOnOnes.meetings(fatima, series.id()).get(0);
		oneOnOnes.addAgendaItem(fleur, null, tomorrow.id(), "Holiday planning");
		oneOnOnes.addAgendaItem(fatima, null, tomorrow.id(), "Renewals in December");
		ActionItem late = oneOnOnes.addAction(fatima, null, tomorrow.id(), "Send the Q4 forecast notes", null, "2026-11-16");
		oneOnOnes.addAction(fatima, null, tomorrow.id(), "Prepare the team offsite", fatima.id(), "2026-11-30");

		int first = Tenancy.runAs(fleur.orgId(), () -> notices.remind(fleur.orgId()));
		assertThat(first).isPositive();
		assertThat(Tenancy.runAs(fleur.orgId(), () -> notices.remind(fleur.orgId()))).as("told once").isZero();
		assertThat(jdbc.sql("select count(*) from platform_notification where user_id = :u and notice_key = :k")
			.param("u", fleur.id()).param("k", "action-overdue:" + late.id()).query(Long.class).single()).isEqualTo(1);

		List<WaitingWork.Item> home = Tenancy.runAs(fleur.orgId(), () -> waiting.waitingFor(fleur));
		assertThat(home).extracting(WaitingWork.Item::kind).contains("one-on-one", "one-on-one-action");
		assertThat(home).filteredOn(i -> i.kind().equals("one-on-one")).singleElement()
			.satisfies(i -> assertThat(i.title()).contains("Fatima El Amrani").contains("2"))
			.satisfies(i -> assertThat(i.link()).isEqualTo("/coaching/one-on-ones/meetings/" + tomorrow.id()));
		assertThat(home).filteredOn(i -> i.kind().equals("one-on-one-action")).extracting(WaitingWork.Item::note)
			.containsExactly("Send the Q4 forecast notes");
		assertThat(Tenancy.runAs(fatima.orgId(), () -> waiting.waitingFor(fatima))).filteredOn(i -> i.kind().equals("one-on-one-action"))
			.as("her own action is not due yet").isEmpty();
	}

	@Test
	void aTeamStartSkipsWhoAlreadyHasASeriesAndAMonthlySeriesKeepsItsWeekOfTheMonth() {
		CurrentUser brigitte = Demo.user(jdbc, Demo.MANAGER);
		NewSeries monthly = new NewSeries(Cadence.MONTHLY, DayOfWeek.FRIDAY, LocalTime.of(9, 30), 60, LocalDate.of(2026, 11, 27));
		assertThat(oneOnOnes.startForTeam(brigitte, Demo.teamId(jdbc, "Inside Sales"), monthly))
			.as("each of her people has a weekly 1:1 with her already").isEmpty();
		assertThatThrownBy(() -> oneOnOnes.startForTeam(brigitte, Demo.teamId(jdbc, "Enterprise"), monthly))
			.isInstanceOfSatisfying(InvalidInputException.class, ex -> assertThat(ex.problems()).extracting(FieldProblem::field, FieldProblem::messageKey)
				.containsExactly(org.assertj.core.groups.Tuple.tuple("teamId", "validation.one-on-one.not-led")));

		CurrentUser fatima = Demo.user(jdbc, "fatima@northwind.demo");
		Series jesse = oneOnOnes.start(fatima, null, Demo.userId(jdbc, "jesse@northwind.demo"), monthly);
		// The fourth Friday of each month at 9:30 in Amsterdam: 27 November, 25 December, 22 January, 26 February.
		assertThat(oneOnOnes.meetings(fatima, jesse.id())).extracting(m -> m.plannedAt().toString())
			.containsExactly("2026-11-27T08:30:00Z", "2026-12-25T08:30:00Z", "2027-01-22T08:30:00Z", "2027-02-26T08:30:00Z");
	}
}
