package dev.tandem.platform;

import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * One kind of live stream a page may open ({@code /live?scope=<prefix>:<argument>}): what it watches, and whether the
 * viewer may. A module contributes its scopes as beans ({@code people} the viewer's own {@code me}, {@code user:},
 * {@code team:} and {@code teams:}; a later module, say, {@code contest:}) without touching the module that serves the
 * stream. {@code V} is the signed-in viewer as the serving module knows it.
 */
public interface LiveScope<V> {

	/** The scope's name before the colon ({@code team} for {@code team:<id>}); {@code me} also serves no scope at all. */
	String prefix();

	/**
	 * Who and which teams a stream of this scope watches for the viewer; throws {@link RecordNotFoundException} for
	 * what the viewer may not see and {@link InvalidInputException} for an argument that makes no sense.
	 */
	Watch resolve(V viewer, @Nullable String argument);

	/** The people and teams whose changes a stream hears. */
	record Watch(Set<UUID> users, Set<UUID> teams) {

		public Watch {
			users = Set.copyOf(users);
			teams = Set.copyOf(teams);
		}
	}
}
