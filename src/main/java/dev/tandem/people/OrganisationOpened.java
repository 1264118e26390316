package dev.tandem.people;

import java.util.UUID;

/**
 * An organisation was opened; modules below set up what a new organisation needs (e.g. the default
 * pipeline) in the same transaction.
 */
public record OrganisationOpened(UUID orgId, String name, String locale) {
}
