package dev.tandem.playbook;

import java.time.Clock;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.GettingStartedStep;
import dev.tandem.playbook.persistence.Reviews;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An admin's word that the playbook (the default one, or one made for the organisation) is right: the first step of
 * the getting-started checklist, which this service contributes.
 */
@Service
public class PlaybookReview implements GettingStartedStep {

	private final Reviews reviews;
	private final Clock clock;

	PlaybookReview(Reviews reviews, Clock clock) {
		this.reviews = reviews;
		this.clock = clock;
	}

	/** Records that the admin confirmed the playbook now. */
	@Transactional
	public void confirm(CurrentUser admin) {
		if (!admin.isAdmin()) {
			throw new AccessDeniedException("Only an admin confirms the playbook");
		}
		reviews.record(admin.orgId(), admin.id(), clock.instant());
	}

	@Override
	public String key() {
		return "playbook";
	}

	@Override
	public int position() {
		return 10;
	}

	@Override
	public String href() {
		return "/admin/playbook";
	}

	@Override
	public boolean done(UUID orgId) {
		return reviews.reviewed(orgId);
	}
}
