package dev.tandem.coaching.mentoring;

/** The conclusion of a readiness assessment. */
public enum ReadinessSummary {
	READY_NOW, READY_6_12_MONTHS, NOT_YET
}
