package dev.tandem.crm.web;

import dev.tandem.playbook.ActivityType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the activity types on every page, for the quick "log activity" form that can appear anywhere.
 */
@ControllerAdvice(annotations = Controller.class)
class CrmModelAdvice {

	@ModelAttribute("activityTypes")
	ActivityType[] activityTypes() {
		return ActivityType.values();
	}
}
