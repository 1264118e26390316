package dev.tandem.goals;

import java.util.List;

import dev.tandem.platform.LiveUpdates;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Announces goal changes on the live channel, so open goal pages and dashboards show the new figure.
 */
@Component
class LiveGoals {

	private final LiveUpdates live;

	LiveGoals(LiveUpdates live) {
		this.live = live;
	}

	@EventListener
	void on(GoalChanged event) {
		live.changed(event.orgId(), "goal", event.userId() == null ? List.of() : List.of(event.userId()),
				event.teamId() == null ? List.of() : List.of(event.teamId()));
	}
}
