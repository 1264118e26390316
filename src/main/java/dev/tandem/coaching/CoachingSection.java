package dev.tandem.coaching;

import org.jspecify.annotations.Nullable;

/**
 * One part of the coaching page ({@code /coaching}): 1:1s, help requests, coaching plans, reviews, growth plans,
 * mentoring, readiness. Each part declares itself as a bean, so the page lists what exists without knowing the parts.
 * Its title and one-line explanation are the messages {@code <labelKey>} and {@code <labelKey>.text}; {@code position}
 * orders the page and {@code requiredAuthority} (e.g. {@code ROLE_ADMIN}) limits who sees the entry, {@code null} for
 * everyone on the sales side.
 */
public record CoachingSection(String labelKey, String path, int position, @Nullable String requiredAuthority) {

	public CoachingSection(String labelKey, String path, int position) {
		this(labelKey, path, position, null);
	}
}
