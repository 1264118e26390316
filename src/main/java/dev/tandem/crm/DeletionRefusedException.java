package dev.tandem.crm;

/**
 * A deletion a rule forbids this user, such as a rep deleting a won or lost deal. Answered 403.
 */
public class DeletionRefusedException extends RuleRefusedException {

	public DeletionRefusedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
