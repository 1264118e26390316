package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/** Filters of the leads inbox; {@code null} means any. */
public record LeadFilter(@Nullable LeadStatus status, @Nullable UUID ownerId, @Nullable String text, boolean unassignedOnly) {

	public static final LeadFilter ALL = new LeadFilter(null, null, null, false);
}
