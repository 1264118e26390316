package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A new lead; with a team it is routed among that team's reps, with an owner it goes to them.
 */
public record NewLead(String personName, String company, @Nullable String email, @Nullable String phone,
		DealSource source, @Nullable String campaign, @Nullable Integer score, @Nullable UUID teamId, @Nullable UUID ownerId) {
}
