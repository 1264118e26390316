package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;

import dev.tandem.people.CurrentUser;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.Stage;

/**
 * Deals waiting in front of the default playbook's Demo gate, which blocks until a call is logged: with {@code called}
 * the deal has its discovery call (the move goes through), without it the gate refuses.
 */
record DealsAtTheGate(AccountManagement accounts, DealManagement deals, ActivityManagement activities) {

	Deal deal(CurrentUser owner, Stage stage, String title, boolean called) {
		Account account = accounts.create(owner, new NewAccount(title + " Co", null, null, "NL", null, null));
		Deal deal = deals.create(owner, new NewDeal(account.id(), title, new BigDecimal("12000"), null, null, stage.id(), null,
				DealSource.INBOUND, "Next", null), null);
		if (called) {
			activities.log(owner, new NewActivity(ActivityType.CALL, "Discovery call", null, null, null, null, null,
					Instant.parse("2026-11-17T10:00:00Z"), null, deal.id(), null, null, null, null), null);
		}
		return deals.get(owner, deal.id());
	}
}
