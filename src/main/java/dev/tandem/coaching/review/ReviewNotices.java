package dev.tandem.coaching.review;

import java.util.Locale;
import java.util.UUID;

import dev.tandem.coaching.CoachingNotificationKinds;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells whoever's step a review waits for: the reviewee for the self-assessment and the acknowledgement, the reviewer
 * for the assessment and the conversation. Once per step and revision, so a redelivered event adds nothing; a review
 * that moved on since tells nothing for the step it left.
 */
@Component
class ReviewNotices {

	private final CoachingReviews reviews;
	private final UserManagement users;
	private final Notifications notifications;
	private final MessageSource messages;

	ReviewNotices(CoachingReviews reviews, UserManagement users, Notifications notifications, MessageSource messages) {
		this.reviews = reviews;
		this.users = users;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(ReviewAdvanced advanced) {
		Tenancy.runAs(advanced.orgId(), () -> tell(advanced));
	}

	private void tell(ReviewAdvanced advanced) {
		Review review = reviews.find(advanced.orgId(), advanced.reviewId()).orElse(null);
		if (review == null || review.status() != advanced.status() || review.revision() != advanced.revision() || review.signed()) {
			return;
		}
		UUID recipient = review.status().revieweesTurn() ? review.revieweeId() : review.reviewerId();
		users.recipient(advanced.orgId(), recipient).ifPresent(user -> {
			Locale locale = Locale.forLanguageTag(user.locale());
			String title = messages.getMessage("review.notice." + review.status().name(),
					new Object[] { review.cycleName(), review.revieweeName() }, locale);
			String body = review.correctionReason() == null || review.status() != ReviewStatus.ACKNOWLEDGEMENT ? null
					: messages.getMessage("review.notice.corrected", new Object[] { review.correctionReason() }, locale);
			notifications.notify(advanced.orgId(), recipient, new Notice(CoachingNotificationKinds.REVIEW_STEP_WAITING,
					CoachingNotificationKinds.REVIEW_STEP_WAITING + ":" + review.id() + ":" + review.revision() + ":" + review.status(), title, body,
					"/coaching/reviews/" + review.id()));
		});
	}
}
