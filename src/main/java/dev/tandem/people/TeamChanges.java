package dev.tandem.people;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * The new state of a team's fields, based on {@code version}; a {@code null} parent makes it a
 * top-level team, a {@code null} leader leaves it without one.
 */
public record TeamChanges(int version, String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId) {
}
