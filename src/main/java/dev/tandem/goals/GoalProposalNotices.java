package dev.tandem.goals;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.goals.persistence.Goals;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import dev.tandem.platform.web.PeriodPicker;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the other side when a figure for a person's goal is put on the table, with the note that came with it: the rep
 * when their manager counter-proposes ("Brigitte proposes € 25,000 for your won revenue in December 2026" and her
 * reason), the rep's nearest manager when the rep proposes. Once per step, so a redelivered event adds nothing.
 * A team's goal is answered from the goals page and Home; it makes no notice.
 */
@Component
class GoalProposalNotices {

	static final String KIND = "goal-proposal";

	private final Goals goals;
	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final Visibility visibility;
	private final Notifications notifications;
	private final MessageSource messages;

	GoalProposalNotices(Goals goals, OrganisationManagement organisations, UserManagement users, Visibility visibility,
			Notifications notifications, MessageSource messages) {
		this.goals = goals;
		this.organisations = organisations;
		this.users = users;
		this.visibility = visibility;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(GoalProposed proposed) {
		Tenancy.runAs(proposed.orgId(), () -> tell(proposed));
	}

	private void tell(GoalProposed proposed) {
		Goal goal = goals.find(proposed.orgId(), proposed.goalId()).orElse(null);
		Proposal step = goal == null ? null : goals.lastProposal(proposed.orgId(), goal.id()).orElse(null);
		if (goal == null || goal.scope().isTeam() || step == null || !step.id().equals(proposed.proposalId())) {
			return; // gone, a team's, or answered again since: the newer step tells its own story
		}
		UUID ownerId = goal.scope().id();
		List<UUID> recipients = goal.status() == GoalStatus.AWAITING_OWNER ? List.of(ownerId)
				: visibility.lineManagers(proposed.orgId(), ownerId, visibility.today(proposed.orgId())).stream().limit(1).toList();
		Organisation org = organisations.get(proposed.orgId());
		for (UUID recipientId : recipients) {
			if (recipientId.equals(proposed.authorId())) {
				continue;
			}
			users.recipient(org.id(), recipientId).ifPresent(recipient -> notifications.notify(org.id(), recipient.id(),
					notice(org, recipient, goal, step)));
		}
	}

	private Notice notice(Organisation org, User recipient, Goal goal, Proposal step) {
		Locale locale = Locale.forLanguageTag(recipient.locale());
		boolean own = recipient.id().equals(goal.scope().id());
		String title = messages.getMessage(own ? "notice.goal-proposal.own" : "notice.goal-proposal.team", words(messages, org, goal, step, locale),
				locale);
		String body = step.note() == null ? messages.getMessage("notice.goal-proposal.no-note", null, locale)
				: messages.getMessage("notice.goal-proposal.note", new Object[] { step.note() }, locale);
		return new Notice(KIND, KIND + ":" + step.id(), title, body, "/goals/" + goal.id());
	}

	/** What a sentence about a step says: who, what figure, the metric, the period, and whose goal it is. */
	static Object[] words(MessageSource messages, Organisation org, Goal goal, Proposal step, Locale locale) {
		return new Object[] { step.authorName(), GoalReachedNotices.figure(org, goal.metric(), step.target(), locale),
				messages.getMessage("goal-metric." + goal.metric().name(), null, locale), PeriodPicker.inSentence(goal.period(), locale),
				goal.scopeName() };
	}
}
