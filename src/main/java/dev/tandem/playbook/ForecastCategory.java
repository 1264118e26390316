package dev.tandem.playbook;

/**
 * How a deal counts in the forecast; each stage has a default, a deal's owner may override it.
 */
public enum ForecastCategory {
	PIPELINE, BEST_CASE, COMMIT, CLOSED, OMITTED
}
