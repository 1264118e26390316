package dev.tandem.coaching.help;

/**
 * Where a help request stands: waiting for a first answer, answered (the conversation may go on), taken over by a
 * manager (recorded with the reason; the rep still closes it), or resolved by the rep with what they did.
 */
public enum HelpStatus {
	OPEN, ANSWERED, RESOLVED, TAKEN_OVER;

	public boolean closed() {
		return this == RESOLVED;
	}
}
