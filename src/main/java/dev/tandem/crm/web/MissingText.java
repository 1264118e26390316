package dev.tandem.crm.web;

import java.util.List;
import java.util.Locale;

import dev.tandem.playbook.Missing;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Says in the user's language what a stage gate found missing, e.g. "Call: 1 needed, 0 logged", or for a criterion
 * the buying group satisfies, which role it waits for.
 */
@Component("missingText")
public class MissingText {

	private final MessageSource messages;

	MissingText(MessageSource messages) {
		this.messages = messages;
	}

	public String of(Missing missing, Locale locale) {
		return switch (missing.kind()) {
			case ACTIVITY -> messages.getMessage("missing.ACTIVITY", new Object[] {
					messages.getMessage("activity-type." + missing.activityType(), null, locale), missing.required(),
					missing.actual() }, locale);
			case CRITERION -> missing.role() == null ? messages.getMessage("missing.CRITERION", new Object[] { missing.label() }, locale)
					: messages.getMessage("missing.CRITERION.role", new Object[] { missing.label(),
							messages.getMessage("stakeholder-role." + missing.role(), null, locale) }, locale);
			case STAKEHOLDERS -> messages.getMessage("missing.STAKEHOLDERS", new Object[] { missing.required(), missing.actual() },
					locale);
			case DECISION_MAKER -> messages.getMessage("missing.DECISION_MAKER", null, locale);
			case FIELD -> messages.getMessage("missing.FIELD",
					new Object[] { messages.getMessage("field." + missing.label(), null, missing.label(), locale) }, locale);
		};
	}

	public List<String> all(List<Missing> missing, Locale locale) {
		return missing.stream().map(m -> of(m, locale)).toList();
	}
}
