package dev.tandem.crm;

import dev.tandem.platform.AuditAction;

/**
 * What the recycle bin holds: deleted deals, accounts, contacts and leads, each an entry of its own.
 */
public enum BinKind {
	DEAL(AuditAction.DEAL_DELETED), ACCOUNT(AuditAction.ACCOUNT_DELETED), CONTACT(AuditAction.CONTACT_DELETED),
	LEAD(AuditAction.LEAD_DELETED);

	private final AuditAction deleted;

	BinKind(AuditAction deleted) {
		this.deleted = deleted;
	}

	/** What the audit log records when a record of this kind goes into the bin. */
	public AuditAction deleted() {
		return deleted;
	}

	/** The kind as the audit log and paths name it: {@code deal}, {@code account}, ... */
	public String key() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}
}
