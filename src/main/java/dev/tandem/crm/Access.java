package dev.tandem.crm;

import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Visibility;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Applies the one visibility rule to CRM records: a record belongs to its owner, and whoever may see
 * the owner's data may see and work on the record. Anything else answers "not found".
 */
@Component
class Access {

	private final Visibility visibility;

	Access(Visibility visibility) {
		this.visibility = visibility;
	}

	/** The owners whose records the user may see. */
	Set<UUID> owners(CurrentUser viewer) {
		return visibility.visibleUsers(viewer);
	}

	void requireVisible(CurrentUser viewer, UUID ownerId, String what, UUID id) {
		if (!visibility.canSee(viewer, ownerId)) {
			throw new RecordNotFoundException(what, id);
		}
	}

	/** Whether someone else may be made owner by this user: themselves, or someone they manage. */
	boolean mayAssignTo(CurrentUser viewer, UUID ownerId) {
		return visibility.canSee(viewer, ownerId);
	}

	boolean manages(CurrentUser viewer, UUID ownerId) {
		return visibility.manages(viewer, ownerId);
	}
}
