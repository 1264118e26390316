package dev.tandem.coaching.review;

/**
 * The step a review waits for, in the order they are taken: the reviewee's self-assessment, the manager's assessment,
 * the conversation, the reviewee's acknowledgement; signed after that.
 */
public enum ReviewStatus {
	SELF_ASSESSMENT, ASSESSMENT, CONVERSATION, ACKNOWLEDGEMENT, SIGNED;

	/** Whether the reviewee takes this step (else the reviewer does, or nobody once signed). */
	public boolean revieweesTurn() {
		return this == SELF_ASSESSMENT || this == ACKNOWLEDGEMENT;
	}
}
