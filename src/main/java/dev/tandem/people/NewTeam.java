package dev.tandem.people;

import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * What it takes to add a team or department.
 */
public record NewTeam(String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId) {
}
