package dev.tandem.coaching.plan;

/** A coaching plan runs until it is closed with its after measurement. */
public enum PlanStatus {
	OPEN, CLOSED
}
