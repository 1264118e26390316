package dev.tandem.crm;

/**
 * Something a rule of the CRM refuses, carrying the rule as a message key and its arguments so the answer can name it
 * in the user's language. Nothing is written.
 */
public abstract class RuleRefusedException extends RuntimeException {

	private final String messageKey;
	private final Object[] arguments;

	protected RuleRefusedException(String messageKey, Object... arguments) {
		super(messageKey);
		this.messageKey = messageKey;
		this.arguments = arguments.clone();
	}

	public String messageKey() {
		return messageKey;
	}

	public Object[] arguments() {
		return arguments.clone();
	}
}
