package dev.tandem.platform.live;

import java.util.Set;
import java.util.UUID;

/**
 * A change announced on the live channel: which organisation, what kind, and which people and teams it concerns.
 */
record Change(UUID orgId, String kind, Set<UUID> users, Set<UUID> teams) {
}
