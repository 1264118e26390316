package dev.tandem.forecast;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Notifications;
import dev.tandem.support.AdjustableClock;
import dev.tandem.support.MovableClockTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The morning reminder of the forecasts still owed: nothing in the middle of a month; in its last days one notice to
 * the rep for her own forecast, in her language, and one to the leader for the team's; never twice.
 */
@MovableClockTest
class ForecastRemindersTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");
	private static final String PASSWORD = "forecast-reminder-passw0rd";

	@Autowired AdjustableClock clock;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Notifications notifications;
	@Autowired ForecastReminders reminders;

	@Test
	void remindsWhoStillOwesTheMonthsForecastInItsLastDaysOnce() {
		String domain = "reminders-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Reminders " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		CurrentUser lead = CurrentUser.of(users.create(admin, new NewUser("lea@" + domain, "Lea", Role.MANAGER, "en", PASSWORD, List.of()))
			.user());
		Team team = teams.create(admin, new NewTeam("Inside", TeamKind.SALES, null, lead.id()));
		CurrentUser rep = CurrentUser.of(users.create(admin, new NewUser("rob@" + domain, "Rob", Role.REP, "nl", PASSWORD,
				List.of(team.id()))).user());

		LocalDate today = LocalDate.now(clock.withZone(AMSTERDAM));
		moveTo(today.withDayOfMonth(10));
		assertThat(reminders.remind(admin.orgId())).as("the tenth: not yet").isZero();

		LocalDate secondLast = today.withDayOfMonth(today.lengthOfMonth() - 1);
		moveTo(secondLast);
		assertThat(reminders.remind(admin.orgId())).isEqualTo(2);
		assertThat(reminders.remind(admin.orgId())).as("once per forecast").isZero();

		List<Notifications.Entry> robs = notifications.list(admin.orgId(), rep.id(), true, ListRequest.of(null, null)).items();
		assertThat(robs).singleElement().satisfies(n -> {
			assertThat(n.kind()).isEqualTo("forecast-due");
			assertThat(n.title()).startsWith("Dien je prognose voor ").contains(", uiterlijk " + today.lengthOfMonth() + " ");
			assertThat(n.link()).isEqualTo("/forecast/people/" + rep.id() + "?period=" + today.toString().substring(0, 7));
		});
		List<Notifications.Entry> leas = notifications.list(admin.orgId(), lead.id(), true, ListRequest.of(null, null)).items();
		assertThat(leas).singleElement().satisfies(n -> {
			assertThat(n.title()).startsWith("Submit the forecast of Inside for ");
			assertThat(n.link()).isEqualTo("/forecast/teams/" + team.id() + "?period=" + today.toString().substring(0, 7));
		});
	}

	private void moveTo(LocalDate day) {
		clock.advance(Duration.between(clock.instant(), day.atTime(LocalTime.NOON).atZone(AMSTERDAM).toInstant()));
	}
}
