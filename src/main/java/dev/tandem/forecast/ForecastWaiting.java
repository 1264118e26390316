package dev.tandem.forecast;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.goals.GoalManagement;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.WaitingWork;
import dev.tandem.platform.web.PeriodPicker;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The forecasts the viewer still owes for the current month, for Home: their own as a rep, and that of each sales team
 * they lead. A month's forecast is due by its last day; once submitted, the item is gone.
 */
@Component
class ForecastWaiting implements WaitingWork<CurrentUser> {

	private final ForecastManagement forecasts;
	private final GoalManagement goals;
	private final TeamManagement teams;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final MessageSource messages;

	ForecastWaiting(ForecastManagement forecasts, GoalManagement goals, TeamManagement teams, Visibility visibility,
			OrganisationManagement organisations, MessageSource messages) {
		this.forecasts = forecasts;
		this.goals = goals;
		this.teams = teams;
		this.visibility = visibility;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		return owed(viewer, LocaleContextHolder.getLocale());
	}

	/** The forecasts the person owes for the current month, said in the given language. */
	List<Item> owed(CurrentUser viewer, Locale locale) {
		Period month = goals.period(viewer, null, Period.Kind.MONTH);
		List<Scope> owed = new ArrayList<>();
		if (forecasts.maySubmit(viewer, Scope.user(viewer.id())) && viewer.role() == dev.tandem.people.Role.REP) {
			owed.add(Scope.user(viewer.id()));
		}
		teams.all(viewer).stream().filter(t -> t.kind() == TeamKind.SALES && viewer.id().equals(t.leaderId()))
			.forEach(t -> owed.add(Scope.team(t.id())));
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		LocalDate due = month.end().minusDays(1);
		List<Item> items = new ArrayList<>();
		for (Scope scope : owed) {
			if (!forecasts.maySubmit(viewer, scope) || !forecasts.history(viewer, scope, month).isEmpty()) {
				continue;
			}
			String link = (scope.isTeam() ? "/forecast/teams/" : "/forecast/people/") + scope.id() + "?period=" + month.key();
			String whose = scope.isTeam() ? teams.get(viewer, scope.id()).name() : null;
			Object[] args = { PeriodPicker.inSentence(month, locale), DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
				.format(due), whose };
			items.add(new Item("forecast", messages.getMessage(whose == null ? "waiting.forecast.own" : "waiting.forecast.team", args, locale),
					null, link, month.startAt(zone), false));
		}
		return items;
	}
}
