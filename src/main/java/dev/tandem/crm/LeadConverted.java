package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A lead became an account, a contact and, if asked for, a deal.
 */
public record LeadConverted(UUID orgId, UUID leadId, UUID accountId, UUID contactId, @Nullable UUID dealId, UUID ownerId) {
}
