package dev.tandem.coaching.help;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A help request to raise: on a deal or (exclusively) an account, a question, a category and an urgency, as the names
 * of {@link HelpCategory} and {@link HelpUrgency} (checked when raised, so an unknown one is named as bad input).
 */
public record NewHelpRequest(@Nullable UUID dealId, @Nullable UUID accountId, @Nullable String question,
		@Nullable String category, @Nullable String urgency) {
}
