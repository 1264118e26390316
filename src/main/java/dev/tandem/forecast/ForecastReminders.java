package dev.tandem.forecast;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.NotificationKind;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Period;
import dev.tandem.platform.Tenancy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reminds everyone who still owes this month's forecast (a rep their own, a leader their team's) in the last
 * {@value #DAYS_BEFORE} days before it is due, once per forecast: a notice "Submit your forecast for November 2026,
 * due by 30 November 2026", linking to the forecast page. Runs every morning on one node of the cluster.
 */
@Component
class ForecastReminders {

	static final String KIND = "forecast-due";
	static final int DAYS_BEFORE = 3;

	private final ForecastWaiting waiting;
	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final Visibility visibility;
	private final Notifications notifications;
	private final JdbcClient jdbc;

	ForecastReminders(ForecastWaiting waiting, OrganisationManagement organisations, UserManagement users, Visibility visibility,
			Notifications notifications, JdbcClient jdbc) {
		this.waiting = waiting;
		this.organisations = organisations;
		this.users = users;
		this.visibility = visibility;
		this.notifications = notifications;
		this.jdbc = jdbc;
	}

	@Bean
	static NotificationKind forecastDueKind() {
		return new NotificationKind(KIND, 35, true);
	}

	@Scheduled(cron = "${tandem.forecast.reminder-cron:0 0 7 * * *}")
	@SchedulerLock(name = "forecast-reminders", lockAtMostFor = "PT50M", lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")
	void remindEveryOrganisation() {
		List<UUID> orgs = Tenancy.asSystem(() -> jdbc.sql("select org_id from people_organisation_v").query(UUID.class).list());
		orgs.forEach(orgId -> Tenancy.runAs(orgId, () -> remind(orgId)));
	}

	/** Reminds the organisation's people of the forecasts they owe, when the month's end is near; answers how many notices. */
	int remind(UUID orgId) {
		Organisation org = organisations.get(orgId);
		LocalDate today = visibility.today(orgId);
		Period month = Period.containing(today, Period.Kind.MONTH, org.fiscalYearStartMonth());
		if (ChronoUnit.DAYS.between(today, month.end().minusDays(1)) >= DAYS_BEFORE) {
			return 0;
		}
		int made = 0;
		for (UUID userId : jdbc.sql("select id from people_user_v where org_id = :org and active and role in ('REP', 'MANAGER', 'EXECUTIVE')")
			.param("org", orgId).query(UUID.class).list()) {
			CurrentUser person = users.recipient(orgId, userId).map(CurrentUser::of).orElse(null);
			if (person == null) {
				continue;
			}
			for (var item : waiting.owed(person, person.language())) {
				if (notifications.notify(orgId, person.id(), new Notice(KIND, KIND + ":" + item.link(), item.title(), null, item.link()))) {
					made++;
				}
			}
		}
		return made;
	}
}
