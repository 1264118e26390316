package dev.tandem.crm;

import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A deleted record in the recycle bin: what it was ({@code label}: a deal's title, an account's or contact's name, a
 * lead's person and company, as they were), whose line may restore it (the owner, or an unassigned lead's team), who
 * deleted it and when, and when it will be purged. {@code deals}, {@code contacts} and {@code activities} count what
 * went into the bin with it and comes back with it.
 */
public record BinEntry(UUID id, BinKind kind, UUID recordId, String label, @Nullable UUID ownerId, @Nullable String ownerName,
		@Nullable UUID teamId, @Nullable String teamName, Instant deletedAt, UUID deletedById, String deletedByName,
		Instant purgeAt, int deals, int contacts, int activities) {
}
