package dev.tandem.people;

import java.util.UUID;
import java.util.function.Predicate;

/**
 * One item of the admin's getting-started checklist on the home page, contributed as a bean by the module that owns
 * its data ({@code playbook} the review of the playbook, {@code exchange} the first import, {@code goals} the first
 * goal), so {@code people} shows the list without depending on any of them.
 */
public interface GettingStartedStep {

	/** The item's name in the messages: {@code getting-started.<key>} and {@code getting-started.<key>.text}. */
	String key();

	/** Where the item comes in the list, smallest first. */
	int position();

	/** The page where the admin does it. */
	String href();

	/** Whether the organisation has done it, read from its data. */
	boolean done(UUID orgId);

	/** A step whose state {@code done} reads. */
	static GettingStartedStep of(String key, int position, String href, Predicate<UUID> done) {
		return new GettingStartedStep() {

			@Override
			public String key() {
				return key;
			}

			@Override
			public int position() {
				return position;
			}

			@Override
			public String href() {
				return href;
			}

			@Override
			public boolean done(UUID orgId) {
				return done.test(orgId);
			}
		};
	}
}
