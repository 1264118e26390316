package dev.tandem.crm;

/**
 * A contact's role in a deal's buying group (DMU).
 */
public enum StakeholderRole {
	DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, USER, GATEKEEPER, BLOCKER
}
