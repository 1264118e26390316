package dev.tandem.crm;

import dev.tandem.platform.NotificationKind;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The kinds of notice the CRM makes, for everyone's notification settings. */
@Configuration(proxyBeanMethods = false)
class CrmNotificationKinds {

	@Bean
	NotificationKind leadAssignedKind() {
		return new NotificationKind(LeadNotices.KIND, 30, true);
	}
}
