package dev.tandem.playbook;

/**
 * Whether a deal in the stage is still open, won or lost.
 */
public enum StageKind {
	OPEN, WON, LOST
}
