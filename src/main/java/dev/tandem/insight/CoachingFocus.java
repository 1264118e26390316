package dev.tandem.insight;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * Where coaching matters most for a rep (DESIGN.md section 5): the stage whose conversion is furthest below
 * the team's, by more than the threshold and with enough deals behind it; with the stage the rep does best
 * compared with the team, when there is one, so the conversation starts from a strength.
 */
public record CoachingFocus(UUID userId, String name, String stage, double conversion, double teamConversion, long deals,
		@Nullable String strongStage, @Nullable Double strongConversion, @Nullable Double strongTeamConversion) {

	/** How many percentage points the rep is below the team in the weak stage. */
	public double gapPoints() {
		return (teamConversion - conversion) * 100;
	}
}
