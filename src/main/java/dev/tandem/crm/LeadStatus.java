package dev.tandem.crm;

/**
 * Where a lead is in qualification.
 */
public enum LeadStatus {
	NEW, CONTACTED, QUALIFIED, DISQUALIFIED, CONVERTED
}
