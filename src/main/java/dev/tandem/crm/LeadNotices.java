package dev.tandem.crm;

import java.util.Locale;

import dev.tandem.crm.persistence.Leads;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Notifications;
import dev.tandem.platform.Notifications.Notice;
import dev.tandem.platform.Tenancy;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a rep that a lead was assigned to them, by routing or by someone else's hand, so a new lead does not wait
 * until they happen to open the leads page. Nobody is told of a lead they gave themselves; a rep is told once per lead.
 */
@Component
class LeadNotices {

	static final String KIND = "lead-assigned";

	private final Leads leads;
	private final UserManagement users;
	private final Notifications notifications;
	private final MessageSource messages;

	LeadNotices(Leads leads, UserManagement users, Notifications notifications, MessageSource messages) {
		this.leads = leads;
		this.users = users;
		this.notifications = notifications;
		this.messages = messages;
	}

	@ApplicationModuleListener
	void on(LeadAssigned assigned) {
		if (assigned.assignedTo().equals(assigned.assignedBy())) {
			return;
		}
		Tenancy.runAs(assigned.orgId(), () -> leads.find(assigned.orgId(), assigned.leadId())
			.filter(lead -> assigned.assignedTo().equals(lead.ownerId()))
			.ifPresent(lead -> users.recipient(assigned.orgId(), assigned.assignedTo()).ifPresent(rep -> {
				Locale locale = Locale.forLanguageTag(rep.locale());
				String title = messages.getMessage("notice.lead-assigned", new Object[] { lead.personName(), lead.company() }, locale);
				String body = messages.getMessage("notice.lead-assigned.how",
						new Object[] { messages.getMessage("routing.rule." + assigned.rule(), null, assigned.rule(), locale) }, locale);
				notifications.notify(assigned.orgId(), rep.id(), new Notice(KIND, KIND + ":" + lead.id(), title, body, "/leads/" + lead.id()));
			})));
	}
}
