package dev.tandem.coaching.help;

/** What a help request is about. */
public enum HelpCategory {
	STAKEHOLDER, PRICING, COMPETITION, PROCESS, PRODUCT, OTHER
}
