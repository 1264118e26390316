package dev.tandem.crm;

/**
 * The channel an activity went through.
 */
public enum Channel {
	PHONE, EMAIL, VIDEO, IN_PERSON, SOCIAL, OTHER
}
