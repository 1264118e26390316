package dev.tandem.platform;

/**
 * One kind of notice, declared as a bean by the module that makes it ({@code goals} a goal reached or a proposal to
 * answer, {@code crm} a lead assigned, {@code exchange} an import finished; a later module its own), so the settings
 * page lists every kind without knowing the modules. Its name and explanation are the messages
 * {@code notification-kind.<key>} and {@code notification-kind.<key>.text}; {@code position} orders the list and
 * {@code enabledByDefault} is what a person gets until they choose.
 */
public record NotificationKind(String key, int position, boolean enabledByDefault) {

	public NotificationKind {
		if (!key.matches("[a-z][a-z0-9-]{0,39}")) {
			throw new IllegalArgumentException("a notification kind is lower-case words with hyphens: " + key);
		}
	}
}
