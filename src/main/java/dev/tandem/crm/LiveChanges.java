package dev.tandem.crm;

import java.util.List;

import dev.tandem.platform.LiveUpdates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces every CRM change on the live channel, in the transaction that made it, so open dashboards and
 * boards of the people concerned refresh once it commits. It hears the CRM's own events synchronously, inside the
 * transaction: the announcement is a {@code NOTIFY} that PostgreSQL sends on commit and drops on rollback, so it
 * needs no registry.
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

	@EventListener
	void on(ActivityCorrected event) {
		live.changed(event.orgId(), "activity", List.of(event.ownerId()), List.of());
	}

	@EventListener
	void on(ActivityDeleted event) {
		live.changed(event.orgId(), "activity", List.of(event.ownerId()), List.of());
	}

	@EventListener
	void on(DealChanged event) {
		live.changed(event.orgId(), "deal", List.of(event.ownerId()), List.of());
	}

	@EventListener
	void on(DealOwnerChanged event) {
		live.changed(event.orgId(), "deal", List.of(event.previousOwnerId(), event.ownerId()), List.of());
	}

	@EventListener
	void on(CrmRecordsLoaded event) {
		if (!event.owners().isEmpty()) {
			live.changed(event.orgId(), "records", List.copyOf(event.owners()), List.of());
		}
	}
}
