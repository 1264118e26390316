package dev.tandem.exchange;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * An import as its history lists it: the file, who started it and when, where it is, its progress
 * ({@code rowsDone} of {@code rowsTotal}), what it created, updated and skipped, and the last dry
 * run's report. {@code error} is a message key when it failed. {@code undoSummary} says what an undo took back:
 * {@code removed} and {@code restored} records, {@code membershipsRemoved}, {@code membershipsMoved} back and people
 * {@code deactivated}.
 */
public record ImportJob(UUID id, EntityKind kind, String fileName, String fileFormat, long fileSize, ImportStatus status,
		ImportSettings settings, List<String> headers, @Nullable ImportReport report, int rowsTotal, int rowsDone, int created,
		int updated, int skipped, @Nullable String error, UUID createdBy, String createdByName, Instant createdAt,
		@Nullable Instant finishedAt, @Nullable Instant undoneAt, int version, Map<String, Integer> undoSummary) {

	/** Progress in percent, for the progress bar. */
	public int percent() {
		return rowsTotal == 0 ? (status == ImportStatus.DONE ? 100 : 0) : Math.min(100, (int) (100L * rowsDone / rowsTotal));
	}

	public boolean undoable() {
		return status == ImportStatus.DONE;
	}

	public boolean runnable() {
		return status == ImportStatus.CHECKED && report != null && report.ready();
	}
}
