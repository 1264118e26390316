package dev.tandem.goals;

/**
 * What a goal counts. Money metrics are in the organisation's currency; the others are counts.
 */
public enum GoalMetric {

	/** Sum of the amounts of deals won with a close date in the period. */
	WON_REVENUE(true),
	/** Deals won with a close date in the period. */
	WON_DEALS(false),
	/** Sum of the amounts of deals created in the period. */
	NEW_PIPELINE(true),
	/** Activities done in the period, of the goal's activity types (all but notes when none are chosen). */
	ACTIVITIES(false),
	/** Meetings and demos held in the period. */
	MEETINGS_HELD(false),
	/** Leads qualified (or converted straight away) in the period. */
	LEADS_QUALIFIED(false),
	/** Accounts created in the period. */
	NEW_ACCOUNTS(false),
	/** Units of the goal's product on the lines of deals won with a close date in the period. */
	UNITS_SOLD(false);

	private final boolean money;

	GoalMetric(boolean money) {
		this.money = money;
	}

	public boolean isMoney() {
		return money;
	}
}
