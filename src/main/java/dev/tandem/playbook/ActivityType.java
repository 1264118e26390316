package dev.tandem.playbook;

/**
 * The kinds of sales activity; the playbook requires them per stage and the CRM logs them.
 */
public enum ActivityType {
	CALL, EMAIL, MEETING, DEMO, PROPOSAL, SOCIAL, NOTE, TASK
}
