package dev.tandem.coaching;

import java.time.LocalDate;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** What the help requests say, for a 1:1's snapshot, a review's snapshot and the readiness evidence. */
public interface HelpRequestFigures {

	/** How many help requests of the rep are open (not resolved) now. */
	int openRequests(UUID orgId, UUID repId);

	/**
	 * The median hours a manager took to give the first answer to help requests raised in the days {@code from} to
	 * {@code to} (inclusive), {@code null} when none was answered.
	 */
	@Nullable Double medianResponseHours(UUID orgId, UUID managerId, LocalDate from, LocalDate to);
}
