package dev.tandem.crm;

/**
 * The kinds of record that carry custom fields.
 */
public enum CustomFieldKind {
	ACCOUNT, CONTACT, DEAL, LEAD
}
