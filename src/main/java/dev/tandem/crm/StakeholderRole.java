package dev.tandem.crm;

import dev.tandem.playbook.BuyingRole;

/**
 * A contact's role in a deal's buying group (DMU); the playbook's rules name the same roles.
 */
public enum StakeholderRole {
	DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, USER, GATEKEEPER, BLOCKER;

	/** The role as the playbook's gate knows it. */
	public BuyingRole buyingRole() {
		return BuyingRole.valueOf(name());
	}
}
