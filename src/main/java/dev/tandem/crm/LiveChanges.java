package dev.tandem.crm;

import java.util.List;
import java.util.UUID;

import dev.tandem.platform.LiveUpdates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces every CRM change on the live channel, in the transaction that made it, so open dashboards and
 * boards of the people concerned refresh once it commits.
 */
@Component
class LiveChanges {

	private final LiveUpdates live;

	LiveChanges(LiveUpdates live) {
		this.live = live;
	}

	@EventListener
	void on(ActivityLogged event) {
		live.changed(event.orgId(), "activity", List.of(event.ownerId(), event.loggedBy()), List.of());
	}

	@EventListener
	void on(DealCreated event) {
		live.changed(event.orgId(), "deal", List.of(event.ownerId()), List.of());
	}

	@EventListener
	void on(DealStageChanged event) {
		live.changed(event.orgId(), "deal", List.of(event.ownerId()), List.of());
	}

	@EventListener
	void on(LeadAssigned event) {
		live.changed(event.orgId(), "lead", List.of(event.assignedTo()), event.teamId() == null ? List.of() : List.of(event.teamId()));
	}

	@EventListener
	void on(RecordDeleted event) {
		live.changed(event.orgId(), event.kind().key(), List.copyOf(event.owners()), List.of());
	}

	@EventListener
	void on(RecordRestored event) {
		live.changed(event.orgId(), event.kind().key(), List.copyOf(event.owners()), List.of());
	}

	/** An activity corrected or removed. */
	void activityChanged(UUID orgId, UUID owner) {
		live.changed(orgId, "activity", List.of(owner), List.of());
	}

	/** A change of a deal that no event announces (amount, close date, next step, review, owner). */
	void dealChanged(UUID orgId, UUID... owners) {
		live.changed(orgId, "deal", List.of(owners), List.of());
	}
}
