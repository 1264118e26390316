package dev.tandem.exchange;

/**
 * Where an import is: uploaded, checked by a dry run, running, done, failed (nothing written) or undone.
 */
public enum ImportStatus {
	UPLOADED, CHECKED, RUNNING, DONE, FAILED, UNDONE
}
