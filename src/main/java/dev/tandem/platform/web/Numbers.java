package dev.tandem.platform.web;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Numbers as templates show them ({@code ${@num.percent(rate)}}), in the user's language: percentages,
 * counts, decimals, and the change from one period to another.
 */
@Component("num")
public class Numbers {

	/** A share as a whole percentage ("38%"), or a dash when unknown. */
	public String percent(@Nullable Double share) {
		if (share == null || share.isNaN() || share.isInfinite()) {
			return "–";
		}
		NumberFormat format = NumberFormat.getPercentInstance(locale());
		format.setMaximumFractionDigits(0);
		return format.format(share);
	}

	/** A percentage as a whole number for widths and chart values, clamped to 0..max. */
	public long width(@Nullable Double share, int max) {
		if (share == null || share.isNaN()) {
			return 0;
		}
		return Math.max(0, Math.min(max, Math.round(share * 100)));
	}

	public String count(long value) {
		return NumberFormat.getIntegerInstance(locale()).format(value);
	}

	public String count(@Nullable BigDecimal value) {
		return value == null ? "–" : NumberFormat.getIntegerInstance(locale()).format(value);
	}

	/** A number rounded to a whole ("21"), or a dash. */
	public String whole(@Nullable Double value) {
		return value == null ? "–" : NumberFormat.getIntegerInstance(locale()).format(Math.round(value));
	}

	/** A decimal with one digit after the separator ("21,5" in Dutch), or a dash. */
	public String decimal(@Nullable Double value) {
		if (value == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMaximumFractionDigits(1);
		return format.format(value);
	}

	/** The change from {@code before} to {@code now} in percent ("+12%", "−5%"); a dash when there was nothing before. */
	public Change change(@Nullable Number now, @Nullable Number before) {
		if (now == null || before == null || before.doubleValue() == 0) {
			return new Change("–", 0);
		}
		double change = now.doubleValue() / before.doubleValue() - 1;
		NumberFormat format = NumberFormat.getPercentInstance(locale());
		format.setMaximumFractionDigits(0);
		String text = (change > 0 ? "+" : change < 0 ? "−" : "±") + format.format(Math.abs(change));
		return new Change(text, Math.abs(change) < 0.005 ? 0 : (int) Math.signum(change));
	}

	/** A signed share as a whole percentage ("+12%", "−5%", "±0%"), or a dash when unknown. */
	public String signed(@Nullable Double share) {
		if (share == null || share.isNaN() || share.isInfinite()) {
			return "–";
		}
		long percent = Math.round(share * 100);
		return (percent > 0 ? "+" : percent < 0 ? "−" : "±") + percent(Math.abs(percent) / 100.0);
	}

	/** The change of a share in percentage points ("+4 pt"). */
	public Change points(@Nullable Double now, @Nullable Double before) {
		if (now == null || before == null) {
			return new Change("–", 0);
		}
		long points = Math.round((now - before) * 100);
		return new Change((points > 0 ? "+" : points < 0 ? "−" : "±") + Math.abs(points) + " pt", (int) Math.signum(points));
	}

	/** A change and its direction: 1 up, -1 down, 0 flat or unknown. */
	public record Change(String text, int direction) {

		public String css() {
			return direction > 0 ? "up" : direction < 0 ? "down" : "flat";
		}
	}

	private static Locale locale() {
		return LocaleContextHolder.getLocale();
	}
}
