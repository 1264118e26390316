package dev.tandem.platform.web;

import org.jspecify.annotations.Nullable;

/**
 * An entry of the main navigation: a message key for its label, its path, its place in the bar,
 * and the authority (e.g. {@code ROLE_ADMIN}) it needs, or {@code null} for every signed-in user.
 * A partner (marketing, operations, service, enablement) sees only the entries marked {@code forPartners}: the sales
 * pages would show them nothing.
 */
public record NavigationItem(String labelKey, String path, int order, @Nullable String requiredAuthority, boolean forPartners) {

	/** An entry for the sales side, not shown to partners. */
	public NavigationItem(String labelKey, String path, int order, @Nullable String requiredAuthority) {
		this(labelKey, path, order, requiredAuthority, false);
	}
}
