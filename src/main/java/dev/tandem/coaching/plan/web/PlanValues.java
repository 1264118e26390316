package dev.tandem.coaching.plan.web;

import java.math.BigDecimal;

import dev.tandem.coaching.plan.PlanMetric;
import dev.tandem.people.Formats;
import dev.tandem.platform.web.Numbers;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** A coaching plan's values as the pages show them: shares as percentages, money in the organisation's currency. */
@Component("planValues")
class PlanValues {

	private final Numbers numbers;
	private final Formats formats;

	PlanValues(Numbers numbers, Formats formats) {
		this.numbers = numbers;
		this.formats = formats;
	}

	public String show(PlanMetric metric, @Nullable Number value) {
		if (value == null) {
			return "–";
		}
		return switch (metric) {
			case STAGE_CONVERSION, WIN_RATE, ATTAINMENT -> numbers.percent(value.doubleValue());
			case WON_REVENUE -> formats.money(BigDecimal.valueOf(value.doubleValue()).setScale(0, java.math.RoundingMode.HALF_UP));
			case ACTIVITIES_PER_WEEK -> numbers.decimal(value.doubleValue());
		};
	}

	/** The target as typed in the form: a share as a percentage ("45"), anything else as it is. */
	public String input(PlanMetric metric, @Nullable BigDecimal target) {
		if (target == null) {
			return "";
		}
		return (metric.share() ? target.movePointRight(2) : target).stripTrailingZeros().toPlainString();
	}
}
