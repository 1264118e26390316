package dev.tandem.platform.web;

import dev.tandem.platform.Period;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Period labels for templates ({@code ${@periods.label(period)}}) in the user's language.
 */
@Component("periods")
public class PeriodLabels {

	public String label(Period period) {
		return PeriodPicker.label(period, LocaleContextHolder.getLocale());
	}
}
