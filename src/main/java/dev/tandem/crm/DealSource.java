package dev.tandem.crm;

/**
 * Where a deal or lead came from.
 */
public enum DealSource {
	INBOUND, OUTBOUND, MARKETING_CAMPAIGN, PARTNER, REFERRAL
}
