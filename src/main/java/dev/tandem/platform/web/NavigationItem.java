package dev.tandem.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the main navigation: a message key for its label, its path, its place in the bar,
 * and the authority (e.g. {@code ROLE_ADMIN}) it needs, or {@code null} for every signed-in user.
 */
public record NavigationItem(String labelKey, String path, int order, @Nullable String requiredAuthority) {
}
