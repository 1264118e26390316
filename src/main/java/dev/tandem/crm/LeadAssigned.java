package dev.tandem.crm;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A lead was assigned to a rep, by routing or by hand; {@code assignedBy} is who created or handed it on.
 */
public record LeadAssigned(UUID orgId, UUID leadId, UUID assignedTo, @Nullable UUID teamId, String rule, UUID assignedBy) {
}
