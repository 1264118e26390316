package dev.tandem.exchange;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * The wizard's guess of what a file holds and how its columns map, from the header row alone: the
 * exports of Salesforce, HubSpot and Pipedrive, and plain spreadsheets such as the well-known CRM sales
 * opportunities data set, whose roster has neither e-mails nor dates.
 */
class KindDetectionTests {

	@Test
	void aPlainRosterOfSalesAgentsIsARoster() {
		List<String> headers = List.of("sales_agent", "manager", "regional_office");
		assertThat(Preset.detectKind(headers)).contains(EntityKind.USERS);
		assertThat(Preset.detect(EntityKind.USERS, headers)).isEmpty();
		assertThat(Preset.TANDEM.map(EntityKind.USERS, headers)).containsOnly(entry("name", "sales_agent"),
				entry("manager", "manager"), entry("region", "regional_office"));
	}

	@Test
	void plainDealsMapTheirStageValueDatesAndProduct() {
		List<String> headers = List.of("opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date",
				"close_date", "close_value");
		assertThat(Preset.detectKind(headers)).contains(EntityKind.DEALS);
		// No CRM's preset: Tandem's own names (account, product) are the closest.
		assertThat(Preset.detect(EntityKind.DEALS, headers).filter(p -> p != Preset.TANDEM)).isEmpty();
		Map<String, String> columns = Preset.TANDEM.map(EntityKind.DEALS, headers);
		assertThat(columns).containsOnly(entry("id", "opportunity_id"), entry("owner", "sales_agent"),
				entry("account", "account"), entry("stage", "deal_stage"), entry("engagedOn", "engage_date"),
				entry("closeDate", "close_date"), entry("amount", "close_value"), entry("product", "product"));
	}

	@Test
	void plainAccountsAndActivitiesAreRecognised() {
		List<String> accounts = List.of("account", "sector", "year_established", "revenue", "employees", "office_location");
		assertThat(Preset.detectKind(accounts)).contains(EntityKind.ACCOUNTS);
		assertThat(Preset.TANDEM.map(EntityKind.ACCOUNTS, accounts)).containsOnly(entry("name", "account"),
				entry("sector", "sector"), entry("size", "employees"));
		List<String> activities = List.of("activity_type", "subject", "activity_date", "sales_agent", "opportunity_id", "notes");
		assertThat(Preset.detectKind(activities)).contains(EntityKind.ACTIVITIES);
		assertThat(Preset.TANDEM.map(EntityKind.ACTIVITIES, activities)).containsOnly(entry("type", "activity_type"),
				entry("subject", "subject"), entry("occurredAt", "activity_date"), entry("owner", "sales_agent"),
				entry("deal", "opportunity_id"), entry("notes", "notes"));
	}

	@Test
	void salesforceExportsAreRecognisedByKindAndSource() {
		assertDetected(List.of("Opportunity ID", "Opportunity Name", "Account Name", "Opportunity Owner", "Amount", "Close Date",
				"Stage", "Lead Source", "Created Date"), EntityKind.DEALS, Preset.SALESFORCE);
		assertDetected(List.of("Account ID", "Account Name", "Industry", "Employees", "Billing Country", "Website",
				"Account Owner"), EntityKind.ACCOUNTS, Preset.SALESFORCE);
		assertDetected(List.of("Activity ID", "Task Subtype", "Subject", "Full Comments", "Date", "Opportunity", "Assigned",
				"Status"), EntityKind.ACTIVITIES, Preset.SALESFORCE);
		assertDetected(List.of("First Name", "Last Name", "Full Name", "Email", "Role", "Manager", "Region", "Active"),
				EntityKind.USERS, Preset.SALESFORCE);
	}

	@Test
	void hubspotExportsAreRecognisedByKindAndSource() {
		assertDetected(List.of("Record ID", "Deal Name", "Associated Company", "Deal owner", "Amount", "Close Date", "Deal Stage",
				"Pipeline", "Create Date"), EntityKind.DEALS, Preset.HUBSPOT);
		assertDetected(List.of("Record ID", "Company name", "Industry", "Number of Employees", "Country/Region", "Website URL",
				"Company owner"), EntityKind.ACCOUNTS, Preset.HUBSPOT);
		assertDetected(List.of("Record ID", "Activity type", "Subject", "Body preview", "Activity date", "Activity assigned to",
				"Associated Deal", "Call outcome"), EntityKind.ACTIVITIES, Preset.HUBSPOT);
	}

	@Test
	void pipedriveExportsAreRecognisedByKindAndSource() {
		assertDetected(List.of("Deal - ID", "Deal - Title", "Deal - Organization", "Deal - Owner", "Deal - Value",
				"Deal - Stage", "Deal - Status", "Deal - Won time"), EntityKind.DEALS, Preset.PIPEDRIVE);
		assertDetected(List.of("Organization - ID", "Organization - Name", "Organization - Industry", "Organization - Owner"),
				EntityKind.ACCOUNTS, Preset.PIPEDRIVE);
		assertDetected(List.of("Activity - ID", "Activity - Type", "Activity - Subject", "Activity - Due date",
				"Activity - Assigned to user", "Activity - Deal"), EntityKind.ACTIVITIES, Preset.PIPEDRIVE);
		assertDetected(List.of("User - Name", "User - Email", "User - Team", "User - Manager"), EntityKind.USERS,
				Preset.PIPEDRIVE);
	}

	@Test
	void columnNamesCompareWithoutCaseSpacesOrUnderscores() {
		assertThat(Preset.normal(" Close_Date ")).isEqualTo(Preset.normal("closeDate")).isEqualTo("closedate");
		assertThat(Preset.TANDEM.map(EntityKind.DEALS, List.of("CLOSE DATE", "Deal-Stage"))).containsOnly(
				entry("closeDate", "CLOSE DATE"), entry("stage", "Deal-Stage"));
	}

	private static void assertDetected(List<String> headers, EntityKind kind, Preset preset) {
		assertThat(Preset.detectKind(headers)).as("kind of %s", headers).contains(kind);
		assertThat(Preset.detect(kind, headers)).as("source of %s", headers).contains(preset);
	}
}
