package dev.tandem.coaching.review;

import java.util.List;
import java.util.Locale;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.WaitingWork;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** The review steps that wait for the viewer, for Home: their own self-assessment or acknowledgement, the assessments and conversations they owe as reviewer. */
@Component
class ReviewWaiting implements WaitingWork<CurrentUser> {

	private final CoachingReviews reviews;
	private final MessageSource messages;

	ReviewWaiting(CoachingReviews reviews, MessageSource messages) {
		this.reviews = reviews;
		this.messages = messages;
	}

	@Override
	public List<Item> waitingFor(CurrentUser viewer) {
		Locale locale = LocaleContextHolder.getLocale();
		return reviews.waiting(viewer.orgId(), viewer.id()).stream()
			.map(r -> new Item("review", messages.getMessage("review.waiting." + r.status().name(),
					new Object[] { r.cycleName(), r.revieweeName() }, locale), r.status() == ReviewStatus.ACKNOWLEDGEMENT ? r.correctionReason() : null,
					"/coaching/reviews/" + r.id(), r.updatedAt(), !r.status().revieweesTurn()))
			.toList();
	}
}
