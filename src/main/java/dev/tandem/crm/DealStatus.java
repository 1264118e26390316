package dev.tandem.crm;

/**
 * Whether a deal is still open, won or lost; follows its stage.
 */
public enum DealStatus {
	OPEN, WON, LOST
}
