package dev.tandem.people.web;

import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Notifications;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The count on the bell of the top bar ({@code ${@bell.unread(me)}}): asked by the layout as it renders a page, so a
 * fragment, a redirect or an API answer never counts.
 */
@Component("bell")
class NotificationBell {

	private final Notifications notifications;

	NotificationBell(Notifications notifications) {
		this.notifications = notifications;
	}

	public long unread(@Nullable CurrentUser me) {
		return me == null ? 0 : notifications.unread(me.orgId(), me.id());
	}
}
