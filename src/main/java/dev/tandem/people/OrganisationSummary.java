package dev.tandem.people;

import java.time.Instant;
import java.util.UUID;

/**
 * An organisation as the operator lists it: its name, when it was opened and how many users it has.
 */
public record OrganisationSummary(UUID id, String name, Instant createdAt, int users) {
}
