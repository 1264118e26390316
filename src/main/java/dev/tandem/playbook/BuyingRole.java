package dev.tandem.playbook;

/**
 * A role in a deal's buying group (DMU), as the playbook names it in its requirements: a stage may require a
 * decision maker, and an exit criterion may be satisfied by the buying group having someone in a role.
 */
public enum BuyingRole {
	DECISION_MAKER, ECONOMIC_BUYER, INFLUENCER, CHAMPION, USER, GATEKEEPER, BLOCKER
}
