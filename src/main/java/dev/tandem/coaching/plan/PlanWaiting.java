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
 * Coaching and growth plans due for a check-in, for Home: an open coaching plan, or a running growth plan with goals
 * not done, without one in the last {@value CoachingPlanManagement#CHECK_IN_DUE_DAYS} days (counted from its start while
 * it has none), for the person and for the managers in their line.
 */
@Component
class PlanWaiting implements WaitingWork<CurrentUser> {

	private final CoachingPlans plans;
	private final GrowthPlans growthPlans;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final MessageSource messages;

	PlanWaiting(CoachingPlans plans, GrowthPlans growthPlans, Visibility visibility, OrganisationManagement organisations, MessageSource messages) {
		this.plans = plans;
		this.growthPlans = growthPlans;
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
		add(items, plans.lastCheckIns(viewer.orgId(), people), "coaching-plan", "/coaching/plans/", viewer, today, zone, locale);
		add(items, growthPlans.lastCheckIns(viewer.orgId(), people, today), "growth-plan", "/coaching/growth-plans/", viewer, today, zone,
				locale);
		return items;
	}

	private void add(List<Item> items, List<CoachingPlans.LastCheckIn> plans, String kind, String path, CurrentUser viewer,
			LocalDate today, ZoneId zone, Locale locale) {
		for (CoachingPlans.LastCheckIn due : plans) {
			LocalDate dueOn = due.lastOn().plusDays(CoachingPlanManagement.CHECK_IN_DUE_DAYS);
			if (today.isBefore(dueOn)) {
				continue;
			}
			boolean own = due.personId().equals(viewer.id());
			String title = own ? messages.getMessage("waiting." + kind + ".own", new Object[] { due.focus() }, locale)
					: messages.getMessage("waiting." + kind + ".theirs", new Object[] { due.personName(), due.focus() }, locale);
			items.add(new Item(kind, title, null, path + due.planId(), dueOn.atStartOfDay(zone).toInstant(), !own));
		}
	}
}
