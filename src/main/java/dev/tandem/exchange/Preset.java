package dev.tandem.exchange;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * The export formats of the CRMs teams move from: per kind of file, the column names each one writes
 * for Tandem's fields. {@link #TANDEM} is Tandem's own export, whose columns are the field names.
 */
public enum Preset {

	SALESFORCE(Map.of(
			EntityKind.ACCOUNTS, fields("id", "Account ID", "name", "Account Name", "sector", "Industry", "size", "Employees",
					"country", "Billing Country", "website", "Website", "owner", "Account Owner", "createdAt", "Created Date"),
			EntityKind.CONTACTS, fields("id", "Contact ID", "firstName", "First Name", "lastName", "Last Name", "accountId",
					"Account ID", "account", "Account Name", "title", "Title", "email", "Email", "phone", "Phone", "createdAt",
					"Created Date"),
			EntityKind.DEALS, fields("id", "Opportunity ID", "title", "Opportunity Name", "accountId", "Account ID", "account",
					"Account Name", "owner", "Opportunity Owner", "amount", "Amount", "closeDate", "Close Date", "stage", "Stage",
					"source", "Lead Source", "nextStep", "Next Step", "lostReason", "Loss Reason", "createdAt", "Created Date",
					"product", "Product Name", "quantity", "Quantity"),
			EntityKind.ACTIVITIES, fields("id", "Activity ID", "type", "Task Subtype", "subject", "Subject", "notes",
					"Full Comments", "occurredAt", "Date", "dueAt", "Due Date", "done", "Status", "deal", "Opportunity",
					"account", "Company / Account", "owner", "Assigned", "duration", "Duration", "createdAt", "Created Date"),
			EntityKind.LEADS, fields("id", "Lead ID", "firstName", "First Name", "lastName", "Last Name", "company",
					"Company / Account", "email", "Email", "phone", "Phone", "source", "Lead Source", "status", "Lead Status",
					"owner", "Lead Owner", "createdAt", "Created Date"),
			EntityKind.USERS, fields("firstName", "First Name", "lastName", "Last Name", "name", "Full Name", "email", "Email",
					"role", "Role", "manager", "Manager", "team", "Team", "region", "Region", "active", "Active"))),

	HUBSPOT(Map.of(
			EntityKind.ACCOUNTS, fields("id", "Record ID", "name", "Company name", "sector", "Industry", "size",
					"Number of Employees", "country", "Country/Region", "website", "Website URL", "owner", "Company owner",
					"createdAt", "Create Date"),
			EntityKind.CONTACTS, fields("id", "Record ID", "firstName", "First Name", "lastName", "Last Name", "account",
					"Associated Company", "title", "Job Title", "email", "Email", "phone", "Phone Number", "createdAt",
					"Create Date"),
			EntityKind.DEALS, fields("id", "Record ID", "title", "Deal Name", "account", "Associated Company", "owner", "Deal owner",
					"amount", "Amount", "closeDate", "Close Date", "stage", "Deal Stage", "pipeline", "Pipeline", "source",
					"Original Source Type", "lostReason", "Closed Lost Reason", "nextStep", "Next step", "createdAt", "Create Date"),
			EntityKind.ACTIVITIES, fields("id", "Record ID", "type", "Activity type", "subject", "Subject", "notes",
					"Body preview", "occurredAt", "Activity date", "owner", "Activity assigned to", "deal", "Associated Deal",
					"account", "Associated Company", "outcome", "Call outcome", "duration", "Call duration", "createdAt",
					"Create Date"),
			EntityKind.LEADS, fields("id", "Record ID", "firstName", "First Name", "lastName", "Last Name", "company",
					"Company Name", "email", "Email", "phone", "Phone Number", "source", "Original Source", "status",
					"Lead Status", "owner", "Contact owner", "createdAt", "Create Date"),
			EntityKind.USERS, fields("firstName", "First Name", "lastName", "Last Name", "email", "Email", "team", "Team",
					"role", "Role", "manager", "Manager", "region", "Region"))),

	PIPEDRIVE(Map.of(
			EntityKind.ACCOUNTS, fields("id", "Organization - ID", "name", "Organization - Name", "sector",
					"Organization - Industry", "size", "Organization - Number of employees", "country",
					"Organization - Address - Country", "website", "Organization - Website", "owner", "Organization - Owner",
					"createdAt", "Organization - Organization created"),
			EntityKind.CONTACTS, fields("id", "Person - ID", "name", "Person - Name", "account", "Person - Organization",
					"title", "Person - Job title", "email", "Person - Email", "phone", "Person - Phone", "createdAt",
					"Person - Person created"),
			EntityKind.DEALS, fields("id", "Deal - ID", "title", "Deal - Title", "account", "Deal - Organization", "owner",
					"Deal - Owner", "amount", "Deal - Value", "closeDate", "Deal - Expected close date", "stage", "Deal - Stage",
					"status", "Deal - Status", "pipeline", "Deal - Pipeline", "wonAt", "Deal - Won time", "lostAt",
					"Deal - Lost time", "lostReason", "Deal - Lost reason", "source", "Deal - Source", "createdAt",
					"Deal - Deal created"),
			EntityKind.ACTIVITIES, fields("id", "Activity - ID", "type", "Activity - Type", "subject", "Activity - Subject",
					"notes", "Activity - Note", "occurredAt", "Activity - Marked as done time", "dueAt", "Activity - Due date",
					"done", "Activity - Done", "owner", "Activity - Assigned to user", "deal", "Activity - Deal", "account",
					"Activity - Organization", "duration", "Activity - Duration", "createdAt", "Activity - Add time"),
			EntityKind.LEADS, fields("id", "Lead - ID", "person", "Lead - Title", "company", "Lead - Organization", "email",
					"Lead - Email", "phone", "Lead - Phone", "source", "Lead - Source", "owner", "Lead - Owner", "createdAt",
					"Lead - Lead created"),
			EntityKind.USERS, fields("name", "User - Name", "email", "User - Email", "team", "User - Team", "role", "User - Role",
					"manager", "User - Manager", "region", "User - Region"))),

	/** Tandem's own export: the column is the field's name. */
	TANDEM(Map.of());

	/** Plain English column names any spreadsheet may use, tried after the preset's own. */
	private static final Map<String, List<String>> COMMON = Map.ofEntries(
			Map.entry("name", List.of("Name", "Full name", "Account", "Company")), Map.entry("email", List.of("E-mail", "Email", "Email address")),
			Map.entry("firstName", List.of("First name")), Map.entry("lastName", List.of("Last name", "Surname")),
			Map.entry("owner", List.of("Owner", "Owner e-mail", "Owner email", "Sales rep")), Map.entry("title", List.of("Title", "Deal", "Job title")),
			Map.entry("account", List.of("Account", "Company", "Organisation", "Organization")),
			Map.entry("amount", List.of("Amount", "Value")), Map.entry("closeDate", List.of("Close date", "Expected close date", "Closed on", "close_date")),
			Map.entry("engagedOn", List.of("Engage date", "Engaged on", "Engaged", "engage_date")),
			Map.entry("stage", List.of("Stage")), Map.entry("status", List.of("Status")), Map.entry("type", List.of("Type")),
			Map.entry("subject", List.of("Subject")), Map.entry("occurredAt", List.of("Date", "When")),
			Map.entry("phone", List.of("Phone", "Telephone")), Map.entry("sector", List.of("Sector", "Industry")),
			Map.entry("country", List.of("Country")), Map.entry("website", List.of("Website")), Map.entry("role", List.of("Role")),
			Map.entry("manager", List.of("Manager")), Map.entry("team", List.of("Team")), Map.entry("region", List.of("Region")),
			Map.entry("person", List.of("Name", "Person", "Contact")), Map.entry("company", List.of("Company", "Organisation")),
			Map.entry("source", List.of("Source", "Lead source")), Map.entry("createdAt", List.of("Created", "Created at", "Created date")),
			Map.entry("memberFrom", List.of("Since", "Start date", "Member from")), Map.entry("memberUntil", List.of("Until", "End date")));

	/**
	 * Plain column names that mean a field only in one kind of file, tried before the common ones: a
	 * spreadsheet of sales agents names its people {@code sales_agent}, a file of deals names its owners so.
	 */
	private static final Map<EntityKind, Map<String, List<String>>> PLAIN = Map.of(
			EntityKind.USERS, Map.of("name", List.of("Sales agent", "Sales rep", "Agent", "Rep", "Employee"),
					"region", List.of("Regional office", "Office", "Sales office")),
			EntityKind.DEALS, Map.of("id", List.of("Opportunity ID", "Deal ID", "Opportunity"),
					"owner", List.of("Sales agent", "Deal owner", "Opportunity owner"), "stage", List.of("Deal stage"),
					"amount", List.of("Close value", "Deal value", "Deal amount"), "title", List.of("Deal name", "Opportunity name"),
					"product", List.of("Product", "Product name"), "quantity", List.of("Quantity", "Qty", "Units")),
			EntityKind.ACCOUNTS, Map.of("id", List.of("Account ID", "Company ID"), "name", List.of("Account name", "Company name"),
					"size", List.of("Employees", "Number of employees")),
			EntityKind.ACTIVITIES, Map.of("id", List.of("Activity ID"), "type", List.of("Activity type"),
					"occurredAt", List.of("Activity date", "Occurred at"), "owner", List.of("Assigned to", "Sales agent"),
					"deal", List.of("Opportunity", "Deal ID", "Opportunity ID"), "notes", List.of("Notes", "Comments")));

	private final Map<EntityKind, Map<String, String>> columns;

	Preset(Map<EntityKind, Map<String, String>> columns) {
		this.columns = columns;
	}

	/** The preset's own column for a field, or {@code null}. */
	public @Nullable String column(EntityKind kind, String field) {
		if (this == TANDEM) {
			return field;
		}
		return columns.getOrDefault(kind, Map.of()).get(field);
	}

	/** The columns of a file mapped onto the kind's fields: the preset's own names first, then common ones. */
	public Map<String, String> map(EntityKind kind, Collection<String> headers) {
		Map<String, String> byKey = headers.stream()
			.collect(Collectors.toMap(Preset::normal, h -> h, (a, b) -> a, LinkedHashMap::new));
		Map<String, String> mapping = new LinkedHashMap<>();
		Set<String> used = new java.util.HashSet<>();
		for (String field : kind.fieldKeys()) {
			String own = column(kind, field);
			if (own != null && byKey.containsKey(normal(own)) && used.add(byKey.get(normal(own)))) {
				mapping.put(field, byKey.get(normal(own)));
			}
		}
		for (String field : kind.fieldKeys()) {
			if (mapping.containsKey(field)) {
				continue;
			}
			List<String> names = new java.util.ArrayList<>(PLAIN.getOrDefault(kind, Map.of()).getOrDefault(field, List.of()));
			names.addAll(COMMON.getOrDefault(field, List.of()));
			for (String common : names) {
				String header = byKey.get(normal(common));
				if (header != null && used.add(header)) {
					mapping.put(field, header);
					break;
				}
			}
		}
		// A Tandem export names its custom fields' columns custom.<key>: they map to those fields again.
		if (CustomColumns.kindOf(kind).isPresent()) {
			headers.stream().filter(h -> CustomColumns.isCustom(h.trim()) && used.add(h)).forEach(h -> mapping.put(h.trim(), h));
		}
		return mapping;
	}

	/**
	 * The preset whose own column names cover most of the headers, if any covers at least two. A CRM
	 * writes its names as they are, so only case and surrounding spaces may differ here: a plain file's
	 * {@code opportunity_id} maps to a Salesforce column but does not make the file a Salesforce export.
	 */
	public static Optional<Preset> detect(EntityKind kind, Collection<String> headers) {
		Set<String> present = headers.stream().map(Preset::written).collect(Collectors.toSet());
		Preset best = null;
		long bestScore = 1;
		for (Preset preset : values()) {
			long score = kind.fieldKeys().stream().map(f -> preset.column(kind, f))
				.filter(c -> c != null && present.contains(written(c))).count();
			if (score > bestScore) {
				best = preset;
				bestScore = score;
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * The kind of file whose columns the headers match best: per kind, the most fields any preset maps
	 * (its own column names, then plain ones such as {@code sales_agent} or {@code close_value}); a tie goes
	 * to the kind a full import writes first. At least two fields must match.
	 */
	public static Optional<EntityKind> detectKind(Collection<String> headers) {
		EntityKind best = null;
		long bestScore = 1;
		for (EntityKind kind : EntityKind.FILE_KINDS) {
			for (Preset preset : values()) {
				long score = preset.map(kind, headers).size();
				if (score > bestScore) {
					best = kind;
					bestScore = score;
				}
			}
		}
		return Optional.ofNullable(best);
	}

	/**
	 * A column name as compared: case, spaces, underscores and other punctuation left out, so
	 * {@code close_date}, {@code Close Date} and {@code closeDate} are one name.
	 */
	static String normal(String header) {
		return header.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	private static String written(String header) {
		return header.trim().toLowerCase(Locale.ROOT);
	}

	private static Map<String, String> fields(String... pairs) {
		Map<String, String> map = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			map.put(pairs[i], pairs[i + 1]);
		}
		return map;
	}
}
