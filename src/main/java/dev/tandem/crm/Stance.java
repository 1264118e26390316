package dev.tandem.crm;

/**
 * How a stakeholder stands towards the deal.
 */
public enum Stance {
	SUPPORTIVE, NEUTRAL, OPPOSED
}
