package dev.tandem.coaching.plan;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Coaching plans due for a check-in, for Home: an open plan without one in the last
 * {@value CoachingPlanManagement#CHECK_IN_DUE_DAYS} days (counted from its start while it has none), for the person
 * and for the managers in their line.
 */
@Component
class PlanWaiting implements WaitingWork<CurrentUser> {

	private final CoachingPlans plans;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final MessageSource messages;

	PlanWaiting(CoachingPlans plans, Visibility visibility, OrganisationManagement organisations, MessageSource messages) {
		this.plans = plans;
		this.visibility = visibility;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		LocalDate today = visibility.today(viewer.orgId());
		List<java.util.UUID> people = new ArrayList<>();
		people.add(viewer.id());
		people.addAll(visibility.managedUsers(viewer.orgId(), viewer.id(), today));
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (CoachingPlans.LastCheckIn due : plans.lastCheckIns(viewer.orgId(), people)) {
			LocalDate dueOn = due.lastOn().plusDays(CoachingPlanManagement.CHECK_IN_DUE_DAYS);
			if (today.isBefore(dueOn)) {
				continue;
			}
			boolean own = due.personId().equals(viewer.id());
			String title = own ? messages.getMessage("waiting.coaching-plan.own", new Object[] { due.focus() }, locale)
					: messages.getMessage("waiting.coaching-plan.theirs", new Object[] { due.personName(), due.focus() }, locale);
			items.add(new Item("coaching-plan", title, null, "/coaching/plans/" + due.planId(), dueOn.atStartOfDay(zone).toInstant(), !own));
		}
		return items;
	}
}
