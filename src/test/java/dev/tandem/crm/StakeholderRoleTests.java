package dev.tandem.crm;

import java.util.Arrays;

import dev.tandem.playbook.BuyingRole;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRM's stakeholder roles and the playbook's buying-group roles are the same list, so a rule an admin sets on a
 * role can be met by a stakeholder in it.
 */
class StakeholderRoleTests {

	@Test
	void everyStakeholderRoleIsARoleThePlaybookKnowsAndTheOtherWayRound() {
		assertThat(Arrays.stream(StakeholderRole.values()).map(StakeholderRole::buyingRole))
			.containsExactly(BuyingRole.values());
	}
}
