package dev.tandem.crm;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.persistence.CalendarItems;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.ActivityType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What goes into a person's calendar app: their own feed, and a single meeting to add by hand.
 */
@Service
public class CalendarManagement {

	/** How far back the feed reaches for meetings and done tasks; calendar apps keep what they saw before. */
	static final Duration HISTORY = Duration.ofDays(90);

	private final CalendarItems items;
	private final ActivityManagement activities;
	private final Clock clock;

	CalendarManagement(CalendarItems items, ActivityManagement activities, Clock clock) {
		this.items = items;
		this.activities = activities;
		this.clock = clock;
	}

	/** The user's own tasks, meetings and open deals' close dates. */
	@Transactional(readOnly = true)
	public List<CalendarItem> feed(CurrentUser user) {
		return items.of(user.orgId(), user.id(), clock.instant().minus(HISTORY));
	}

	/** A meeting or demo the viewer may see; any other activity is not found. */
	public CalendarItem meeting(CurrentUser viewer, UUID activityId) {
		Activity activity = activities.get(viewer, activityId);
		if (activity.type() != ActivityType.MEETING && activity.type() != ActivityType.DEMO) {
			throw new RecordNotFoundException("activity", activityId);
		}
		return CalendarItem.meeting(activity);
	}
}
