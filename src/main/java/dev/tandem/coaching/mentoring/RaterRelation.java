package dev.tandem.coaching.mentoring;

/** How a rater stands to the candidate: the candidate themselves, one of their line, a peer, or a partner department. */
public enum RaterRelation {
	SELF, MANAGER, PEER, PARTNER
}
