package dev.tandem.exchange;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What one file of an import holds, with the fields it can map; {@link #ORGANISATION} is a full
 * export (a ZIP with one CSV per kind, named by {@link #fileName()}). The playbook, the product catalogue, deals' line
 * items, the exit-criteria ticks, goals and forecasts come only within a full export.
 */
public enum EntityKind {

	PIPELINES("pipelines", "name*", "default", "reviewCadenceDays"),
	STAGES("stages", "pipeline*", "name*", "position", "kind", "winProbability", "forecastCategory", "gateMode", "guidance",
			"minStakeholders", "requiresDecisionMaker", "requiredActivities"),
	EXIT_CRITERIA("exit-criteria", "pipeline*", "stage*", "position", "label*", "satisfiedBy"),
	TEAMS("teams", "name*", "kind", "parent", "leader"),
	USERS("users", "email*", "name*", "firstName", "lastName", "role", "language", "active", "manager", "team", "region",
			"memberFrom", "memberUntil"),
	ACCOUNTS("accounts", "id", "name*", "sector", "size", "country", "website", "owner", "createdAt"),
	CONTACTS("contacts", "id", "name*", "firstName", "lastName", "accountId", "account*", "title", "email", "phone",
			"socialUrl", "createdAt"),
	DEALS("deals", "id", "title", "accountId", "account*", "owner*", "amount", "closeDate", "pipeline", "stage*", "status",
			"source", "nextStep", "nextStepDate", "lostReason", "engagedOn", "createdAt", "wonAt", "lostAt", "closedAt",
			"stageEnteredAt", "forecastCategory", "forecastOverridden", "lastActivityAt", "lastReviewedAt", "product", "quantity"),
	PRODUCTS("products", "id", "name*", "code", "active", "prices"),
	DEAL_LINES("deal-lines", "dealId*", "product*", "quantity*", "unitPrice*", "discount"),
	DEAL_HISTORY("deal-history", "dealId*", "field*", "oldValue", "newValue", "changedAt*", "changedBy"),
	STAKEHOLDERS("buying-groups", "dealId*", "contactId*", "role*", "influence", "stance", "createdAt"),
	ACTIVITIES("activities", "id", "type*", "subject*", "channel", "direction", "notes", "outcome", "duration", "occurredAt",
			"dueAt", "done", "dealId", "deal", "accountId", "account", "owner*", "loggedBy", "joint", "contactIds",
			"participants", "createdAt"),
	DEAL_CRITERIA("deal-criteria", "dealId*", "stage*", "criterion*", "checkedAt", "checkedBy"),
	LEADS("leads", "id", "person*", "firstName", "lastName", "company*", "email", "phone", "source", "campaign", "score",
			"status", "disqualifiedReason", "team", "owner", "accountId", "contactId", "dealId", "createdAt"),
	GOALS("goals", "id", "person", "team", "metric*", "activityTypes", "product", "periodKind*", "periodStart*", "target*", "agreedTarget",
			"status", "setByManager", "updatedAt", "updatedBy"),
	GOAL_PROPOSALS("goal-proposals", "goalId*", "author*", "kind*", "target*", "note", "createdAt*"),
	FORECASTS("forecast-submissions", "id", "person", "team", "periodKind*", "periodStart*", "revision", "commit*", "bestCase*",
			"won", "openPipeline", "note", "submittedBy*", "submittedAt*"),
	FORECAST_ADJUSTMENTS("forecast-adjustments", "submissionId*", "commit*", "bestCase*", "reason*", "adjustedBy*", "adjustedAt*"),
	SNAPSHOTS("forecast-snapshots", "id*", "takenAt*", "kind"),
	SNAPSHOT_FORECASTS("snapshot-forecasts", "snapshotId*", "submissionId*", "commit*", "bestCase*", "adjustedCommit",
			"adjustedBestCase"),
	SNAPSHOT_DEALS("snapshot-deals", "snapshotId*", "dealId*", "owner*", "stage*", "forecastCategory*", "amount", "closeDate"),
	ORGANISATION("organisation");

	/** The kinds a single file can hold, in the order a full import writes them. */
	public static final List<EntityKind> FILE_KINDS = List.of(USERS, TEAMS, ACCOUNTS, CONTACTS, DEALS, DEAL_HISTORY,
			STAKEHOLDERS, ACTIVITIES, LEADS);

	/** Every kind of a full export, in the order an import reads them: what a row refers to comes before the row. */
	public static final List<EntityKind> EXPORT_KINDS = List.of(PIPELINES, STAGES, EXIT_CRITERIA, USERS, TEAMS, PRODUCTS, ACCOUNTS,
			CONTACTS, DEALS, DEAL_LINES, DEAL_HISTORY, STAKEHOLDERS, DEAL_CRITERIA, ACTIVITIES, LEADS, GOALS, GOAL_PROPOSALS, FORECASTS,
			FORECAST_ADJUSTMENTS, SNAPSHOTS, SNAPSHOT_FORECASTS, SNAPSHOT_DEALS);

	private final String fileName;
	private final List<Field> fields;

	EntityKind(String fileName, String... fields) {
		this.fileName = fileName;
		this.fields = Stream.of(fields).map(f -> new Field(f.replace("*", ""), f.endsWith("*"))).toList();
	}

	/** The name of this kind's CSV in a full export, without {@code .csv}. */
	public String fileName() {
		return fileName;
	}

	public List<Field> fields() {
		return fields;
	}

	public List<String> fieldKeys() {
		return fields.stream().map(Field::key).toList();
	}

	public static Optional<EntityKind> ofFileName(String name) {
		String base = name.replaceAll("^.*/", "").replaceAll("(?i)\\.csv$", "");
		return EXPORT_KINDS.stream().filter(k -> k.fileName.equalsIgnoreCase(base)).findFirst();
	}

	/**
	 * A field Tandem can fill from a column. A required field may also be satisfied by its parts
	 * ({@code name} by {@code firstName} and {@code lastName}) or, for a reference, by its id
	 * ({@code account} by {@code accountId}).
	 */
	public record Field(String key, boolean required) {
	}
}
