package dev.tandem.coaching.oneonone;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A meeting as one reader sees it: its series, agenda, the notes they may read, the actions listed on it, the rep's
 * numbers (live while planned, frozen once held) and those of the last meeting held before it, to compare with.
 */
public record MeetingView(Series series, Meeting meeting, List<AgendaItem> agenda, List<MeetingNote> notes, List<ActionItem> actions,
		@Nullable Snapshot snapshot, @Nullable Snapshot previous, boolean participant) {
}
