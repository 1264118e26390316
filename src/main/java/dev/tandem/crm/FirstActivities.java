package dev.tandem.crm;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.FirstStepCheck;
import dev.tandem.platform.ListRequest;
import org.springframework.stereotype.Component;

/** A newcomer's "first activities" step is done once they have {@value #ENOUGH} activities of their own. */
@Component
class FirstActivities implements FirstStepCheck {

	static final int ENOUGH = 3;

	private final ActivityManagement activities;

	FirstActivities(ActivityManagement activities) {
		this.activities = activities;
	}

	@Override
	public String key() {
		return "activities";
	}

	@Override
	public boolean done(CurrentUser newcomer) {
		return activities.list(newcomer, newcomer.id(), null, null, null, ListRequest.of(1, null)).total() >= ENOUGH;
	}
}
