package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A contact added to a deal's buying group.
 */
public record NewStakeholder(UUID contactId, StakeholderRole role, @Nullable Integer influence, @Nullable Stance stance) {
}
