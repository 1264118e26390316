package dev.tandem.goals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.tandem.goals.persistence.Goals;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The goals that wait for the viewer's answer, for Home: a figure a manager offered for the viewer's own goal (or the
 * goal of a team they lead), and, for a manager, the figures their people proposed. Each comes with the note of whoever
 * put it on the table, so the reason reaches the one who answers.
 */
@Component
class GoalWaiting implements WaitingWork<CurrentUser> {

	private final Goals goals;
	private final GoalManagement management;
	private final Visibility visibility;
	private final OrganisationManagement organisations;
	private final MessageSource messages;

	GoalWaiting(Goals goals, GoalManagement management, Visibility visibility, OrganisationManagement organisations,
			MessageSource messages) {
		this.goals = goals;
		this.management = management;
		this.visibility = visibility;
		this.organisations = organisations;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		LocalDate today = visibility.today(viewer.orgId());
		Set<UUID> scopes = new LinkedHashSet<>();
		scopes.add(viewer.id());
		scopes.addAll(visibility.managedUsers(viewer.orgId(), viewer.id(), today));
		scopes.addAll(visibility.fullTeams(viewer));
		Organisation org = organisations.get(viewer.orgId());
		Locale locale = LocaleContextHolder.getLocale();
		List<Item> items = new ArrayList<>();
		for (Goal goal : goals.awaiting(viewer.orgId(), scopes)) {
			if (!management.mayAnswer(viewer, goal)) {
				continue;
			}
			goals.lastProposal(viewer.orgId(), goal.id()).ifPresent(step -> {
				boolean own = goal.scope().id().equals(viewer.id());
				Object[] args = GoalProposalNotices.words(messages, org, goal, step, locale);
				String key = own ? "waiting.goal.own" : step.authorId().equals(goal.scope().id()) ? "waiting.goal.theirs" : "waiting.goal.other";
				items.add(new Item("goal", messages.getMessage(key, args, locale), step.note(),
						"/goals/" + goal.id(), step.at(), !own));
			});
		}
		return items;
	}
}
