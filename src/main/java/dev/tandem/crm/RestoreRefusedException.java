package dev.tandem.crm;

/**
 * A restore that has to wait for another: a deal or contact whose account is in the recycle bin too comes back once
 * the account has. Answered 409.
 */
public class RestoreRefusedException extends RuleRefusedException {

	public RestoreRefusedException(String messageKey, Object... arguments) {
		super(messageKey, arguments);
	}
}
