package dev.tandem.goals;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.DealWon;
import dev.tandem.goals.persistence.Goals;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Period;
import dev.tandem.platform.Tenancy;
import dev.tandem.platform.web.PeriodPicker;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a rep, and the managers in their line, when a won deal takes one of the rep's own goals for won revenue or
 * won deals over its target: "You reached your goal for December 2026: € 52,000 of € 50,000."
 * <p>
 * It listens to the CRM's {@link DealWon} through the event publication registry: the event is stored with the win,
 * in its transaction, and handed to this listener after it commits, on a thread of its own. A listener that fails,
 * or an application that stops or crashes before it finished, leaves the publication incomplete, and it is handed
 * over again on the next start. A notice is made once per goal and person, so doing it again changes nothing.
 * <p>
 * The goal is reached by this win when what the rep won in the goal's period, this win included, meets the target
 * and what they won without it did not. Two wins that commit at the same moment may both see themselves as the one;
 * the once-per-goal notice keeps that to one notice.
 */
@Component
class GoalReachedNotices {

	private static final Set<GoalMetric> WON = Set.of(GoalMetric.WON_REVENUE, GoalMetric.WON_DEALS);

	private final Goals goals;
	private final Measurements measurements;
	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final Visibility visibility;
	private final Notifications notifications;
	private final MessageSource messages;

	GoalReachedNotices(Goals goals, Measurements measurements, OrganisationManagement organisations, UserManagement users,
			Visibility visibility, Notifications notifications, MessageSource messages) {
		this.goals = goals;
		this.measurements = measurements;
		this.organisations = organisations;
		this.users = users;
		this.visibility = visibility;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(DealWon won) {
		Tenancy.runAs(won.orgId(), () -> notifyReached(won));
	}

	private void notifyReached(DealWon won) {
		Organisation org = organisations.get(won.orgId());
		List<Period> periods = Arrays.stream(Period.Kind.values())
			.map(kind -> Period.containing(won.closedOn(), kind, org.fiscalYearStartMonth())).toList();
		LocalDate from = periods.stream().map(Period::start).min(Comparator.naturalOrder()).orElseThrow();
		LocalDate to = periods.stream().map(Period::start).max(Comparator.naturalOrder()).orElseThrow().plusDays(1);
		List<Goal> candidates = goals.of(won.orgId(), List.of(won.ownerId()), from, to).stream()
			.filter(g -> !g.scope().isTeam() && WON.contains(g.metric()) && periods.contains(g.period()))
			.filter(g -> g.effectiveTarget().signum() > 0)
			.toList();
		if (candidates.isEmpty()) {
			return;
		}
		Map<Period, Measurements.Breakdown> measured = measurements.measurePeople(won.orgId(), Set.of(won.ownerId()),
				candidates.stream().map(Goal::period).distinct().toList(), org.timeZone());
		List<Reached> reached = new ArrayList<>();
		for (Goal goal : candidates) {
			BigDecimal after = measured.get(goal.period()).of(won.ownerId()).value(goal.metric(), goal.activityTypes());
			BigDecimal before = after.subtract(goal.metric() == GoalMetric.WON_REVENUE ? won.amount() : BigDecimal.ONE);
			if (before.compareTo(goal.effectiveTarget()) < 0 && after.compareTo(goal.effectiveTarget()) >= 0) {
				reached.add(new Reached(goal, after));
			}
		}
		if (reached.isEmpty()) {
			return;
		}
		announce(org, won.ownerId(), won.closedOn(), reached);
	}

	/**
	 * Tells every rep whose own goal for won revenue or won deals in the period is met, and their line managers, as
	 * if the win that met it had just come (once per goal, as always): for an organisation whose history was loaded
	 * in bulk, without a {@link DealWon} per win (the demo's).
	 */
	void announceReached(UUID orgId, Period period) {
		Organisation org = organisations.get(orgId);
		List<Goal> candidates = goals.all(orgId).stream()
			.filter(g -> !g.scope().isTeam() && WON.contains(g.metric()) && g.period().equals(period) && g.effectiveTarget().signum() > 0)
			.toList();
		if (candidates.isEmpty()) {
			return;
		}
		Set<UUID> people = new LinkedHashSet<>();
		candidates.forEach(g -> people.add(g.scope().id()));
		Measurements.Breakdown measured = measurements.measurePeople(orgId, people, List.of(period), org.timeZone()).get(period);
		for (Goal goal : candidates) {
			BigDecimal achieved = measured.of(goal.scope().id()).value(goal.metric(), goal.activityTypes());
			if (achieved.compareTo(goal.effectiveTarget()) >= 0) {
				announce(org, goal.scope().id(), period.end().minusDays(1), List.of(new Reached(goal, achieved)));
			}
		}
	}

	private void announce(Organisation org, UUID repId, LocalDate day, List<Reached> reached) {
		User rep = users.recipient(org.id(), repId).orElse(null);
		if (rep == null) {
			return;
		}
		Set<UUID> managers = new LinkedHashSet<>(visibility.lineManagers(org.id(), repId, day));
		managers.remove(rep.id());
		for (Reached r : reached) {
			tell(org, rep, rep, r);
			for (UUID managerId : managers) {
				users.recipient(org.id(), managerId).ifPresent(manager -> tell(org, manager, rep, r));
			}
		}
	}

	private void tell(Organisation org, User recipient, User rep, Reached reached) {
		Locale locale = Locale.forLanguageTag(recipient.locale());
		Goal goal = reached.goal();
		String period = PeriodPicker.inSentence(goal.period(), locale);
		String achieved = figure(org, goal.metric(), reached.achieved(), locale);
		String target = figure(org, goal.metric(), goal.effectiveTarget(), locale);
		String metric = messages.getMessage("goal-metric." + goal.metric().name(), null, locale);
		boolean own = recipient.id().equals(rep.id());
		String title = own
				? messages.getMessage("notice.goal-reached.own", new Object[] { period, achieved, target }, locale)
				: messages.getMessage("notice.goal-reached.other", new Object[] { rep.displayName(), period, achieved, target }, locale);
		String body = messages.getMessage("notice.goal-reached.body", new Object[] { metric }, locale);
		notifications.notify(org.id(), recipient.id(),
				new Notice("goal-reached", "goal-reached:" + goal.id(), title, body, "/goals/" + goal.id()));
	}

	/** A goal's figure as a sentence shows it: money in the organisation's currency without cents, else a whole number. */
	static String figure(Organisation org, GoalMetric metric, BigDecimal value, Locale locale) {
		if (metric != GoalMetric.WON_REVENUE) {
			return NumberFormat.getIntegerInstance(locale).format(value);
		}
		NumberFormat money = NumberFormat.getCurrencyInstance(locale);
		money.setCurrency(Currency.getInstance(org.currency()));
		money.setMaximumFractionDigits(0);
		return money.format(value);
	}

	private record Reached(Goal goal, BigDecimal achieved) {
	}
}
