package dev.tandem.coaching.oneonone;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as one reader sees it: its series, agenda, the notes they may read, the actions listed on it, the rep's
 * numbers (live while planned, frozen once held) and those of the last meeting held before it, to compare with.
 */
public record MeetingView(Series series, Meeting meeting, List<AgendaItem> agenda, List<MeetingNote> notes, List<ActionItem> actions,
		@Nullable Snapshot snapshot, @Nullable Snapshot previous, boolean participant) {

	/** How many of the listed actions the rep owns: the rep does it themselves, which is the point. */
	public long repActions() {
		return actions.stream().filter(a -> a.ownerId().equals(series.repId())).count();
	}

	/** How many of the listed actions the manager took on, counted apart from the rep's. */
	public long managerActions() {
		return actions.stream().filter(a -> a.ownerId().equals(series.managerId())).count();
	}
}
