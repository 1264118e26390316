package dev.tandem.crm;

/**
 * Whether the customer or the rep started the activity.
 */
public enum Direction {
	INBOUND, OUTBOUND
}
