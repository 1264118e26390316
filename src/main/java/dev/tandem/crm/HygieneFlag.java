package dev.tandem.crm;

/**
 * A data-hygiene problem of an open deal.
 */
public enum HygieneFlag {
	CLOSE_DATE_PAST, NO_CLOSE_DATE, NO_RECENT_ACTIVITY, NO_NEXT_STEP, NO_AMOUNT, REVIEW_OVERDUE
}
