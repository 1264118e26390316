package dev.tandem.people;

/**
 * A sales team, or one of the partner departments sales works with sideways.
 */
public enum TeamKind {
	SALES, MARKETING, OPERATIONS, CUSTOMER_SERVICE, ENABLEMENT;

	public boolean isDepartment() {
		return this != SALES;
	}
}
