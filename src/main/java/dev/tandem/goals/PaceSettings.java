package dev.tandem.goals;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How much of a period must have passed before pace and projection mean something. The setting sits with the other
 * dashboard settings under {@code tandem.insight}: pace is computed here, but read on the dashboards and goal pages.
 *
 * @param minElapsedShare the share of a period below which pace and projection are "too early to tell" (0.10)
 */
@ConfigurationProperties("tandem.insight")
public record PaceSettings(@DefaultValue("0.10") double minElapsedShare) {

	/** Where {@code actual} stands against {@code target} with this share of the period passed. */
	public Progress progress(java.math.BigDecimal target, java.math.BigDecimal actual, double elapsedShare) {
		return Progress.of(target, actual, elapsedShare, minElapsedShare);
	}
}
