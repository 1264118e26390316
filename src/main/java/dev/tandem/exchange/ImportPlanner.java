package dev.tandem.exchange;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.IntConsumer;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.exchange.ImportSettings.DateOrder;
import dev.tandem.exchange.ImportReport.RowProblem;
import dev.tandem.exchange.ImportReport.SkippedRow;
import dev.tandem.exchange.ImportSettings.DecimalMark;
import dev.tandem.exchange.persistence.ImportRecords;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.GoalLoad;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.playbook.PlaybookManagement;
import org.springframework.stereotype.Component;

/**
 * Reads the tables of an import against the organisation and makes the {@link Plan}: the same code
 * serves the dry run (which keeps only the report) and the run (which writes the plan), so what the
 * dry run promises is what the run does.
 */
@Component
class ImportPlanner {

	private static final List<String> DATE_FIELDS = List.of("createdAt", "closeDate", "wonAt", "lostAt", "closedAt", "engagedOn",
			"occurredAt", "dueAt", "changedAt", "memberFrom", "memberUntil", "nextStepDate", "stageEnteredAt", "lastActivityAt",
			"lastReviewedAt", "checkedAt", "periodStart", "updatedAt", "submittedAt", "adjustedAt", "takenAt");
	/** How often a file is read again without the rows that would fail, at most. */
	private static final int MAX_SKIP_PASSES = 5;
	private static final List<String> AMOUNT_FIELDS = List.of("amount", "target", "agreedTarget", "commit", "bestCase", "won",
			"openPipeline", "adjustedCommit", "adjustedBestCase");

	private final UserManagement users;
	private final TeamManagement teams;
	private final PlaybookManagement playbook;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final BulkLoad bulk;
	private final GoalLoad goals;
	private final ForecastLoad forecasts;
	private final ImportRecords records;
	private final CustomFieldManagement customFields;
	private final Clock clock;
	private final dev.tandem.crm.ProductManagement products;

	ImportPlanner(UserManagement users, TeamManagement teams, PlaybookManagement playbook, OrganisationManagement organisations,
			Visibility visibility, BulkLoad bulk, GoalLoad goals, ForecastLoad forecasts, ImportRecords records,
			CustomFieldManagement customFields, Clock clock, dev.tandem.crm.ProductManagement products) {
		this.customFields = customFields;
		this.products = products;
		this.users = users;
		this.teams = teams;
		this.playbook = playbook;
		this.organisations = organisations;
		this.visibility = visibility;
		this.bulk = bulk;
		this.goals = goals;
		this.forecasts = forecasts;
		this.records = records;
		this.clock = clock;
	}

	/**
	 * The plan for the import. When the admin chose to skip the rows of a deals file that would fail, the file is read
	 * again without them (until no row fails, as leaving a row out can change what the next one finds), and the report
	 * carries the rows left out with their reasons.
	 */
	Plan plan(CurrentUser admin, ImportSettings settings, List<Table> tables, IntConsumer progress) {
		Plan plan = attempt(admin, settings, tables, progress, Set.of());
		if (settings.refusedRows() != ImportSettings.RefusedRows.SKIP || settings.kind() != EntityKind.DEALS || tables.size() != 1) {
			return plan;
		}
		Map<Integer, List<RowProblem>> refused = new TreeMap<>();
		for (int pass = 0; pass < MAX_SKIP_PASSES && !plan.report().problems().isEmpty(); pass++) {
			plan.report().problems().forEach(p -> refused.computeIfAbsent(p.row(), row -> new ArrayList<>()).add(p));
			plan = attempt(admin, settings, tables, progress, refused.keySet());
		}
		Table table = tables.get(0);
		List<SkippedRow> skipped = new ArrayList<>();
		refused.forEach((line, reasons) -> skipped.add(new SkippedRow(table.name(), line, table.rows().get(line - Table.line(0)), reasons)));
		return new Plan(plan.report().skipping(EntityKind.DEALS, skipped), plan.work());
	}

	private Plan attempt(CurrentUser admin, ImportSettings settings, List<Table> tables, IntConsumer progress, Set<Integer> leftOut) {
		// Tables are told apart by identity: a record's hash would run over every cell of the file.
		Map<Table, EntityKind> kinds = new IdentityHashMap<>();
		// A ZIP of files named otherwise than Tandem's export names (sales_teams.csv) is read by their columns.
		Map<Table, Boolean> plainNamed = new IdentityHashMap<>();
		for (Table table : tables) {
			boolean single = tables.size() == 1 && settings.kind() != EntityKind.ORGANISATION;
			Optional<EntityKind> byName = EntityKind.ofFileName(table.name());
			plainNamed.put(table, !single && byName.isEmpty());
			kinds.put(table, single ? settings.kind() : byName.or(() -> Preset.detectKind(table.headers())).orElse(settings.kind()));
		}
		List<Table> ordered = new ArrayList<>(tables);
		ordered.sort(Comparator.comparingInt(t -> EntityKind.EXPORT_KINDS.indexOf(kinds.get(t))));
		// A full export names activities made in Tandem by their id, which is looked for among the organisation's, whatever the choice.
		boolean withActivities = kinds.containsValue(EntityKind.ACTIVITIES)
				&& (settings.duplicates() == ImportSettings.Duplicates.UPDATE || settings.kind() == EntityKind.ORGANISATION);
		Map<EntityKind, Map<String, UUID>> links = records.externalIds(admin.orgId(), kinds.values());
		Map<UUID, Boolean> binned = bulk.binned(admin.orgId(), PlanContext.BINNABLE.stream()
			.flatMap(kind -> links.getOrDefault(kind, Map.of()).values().stream()).toList());
		PlanContext ctx = new PlanContext(admin, settings, organisations.get(admin.orgId()), visibility.today(admin.orgId()),
				clock.instant(), users.all(admin), teams.all(admin), playbook.pipelines(admin.orgId()),
				bulk.records(admin.orgId(), withActivities), links, binned);
		for (dev.tandem.crm.Product product : products.list(admin, true)) {
			ctx.known.productIds.add(product.id());
			ctx.known.productsByKey.putIfAbsent(PlanContext.productKey(product.name()), product.id());
			if (product.code() != null) {
				ctx.known.productsByKey.putIfAbsent(PlanContext.productKey(product.code()), product.id());
			}
		}
		Map<Table, List<Row>> rows = new IdentityHashMap<>();
		for (Table table : ordered) {
			if (kinds.get(table) == EntityKind.ORGANISATION) {
				// Neither a name nor columns say what the file holds.
				ctx.findings.problemsTotal++;
				ctx.findings.problems.add(new ImportReport.RowProblem(table.name(), 1, null, String.join(", ", table.headers()),
						"exchange.rule.unknown-file", List.of()));
				rows.put(table, List.of());
				continue;
			}
			Map<String, Integer> columns = columns(table, kinds.get(table), tables.size() == 1 && !plainNamed.get(table)
					? settings.columns() : plainNamed.get(table)
							? Preset.detect(kinds.get(table), table.headers()).orElse(Preset.TANDEM).map(kinds.get(table), table.headers()) : null);
			List<Row> list = new ArrayList<>(table.rows().size());
			for (int i = 0; i < table.rows().size(); i++) {
				if (!leftOut.contains(Table.line(i))) {
					list.add(new Row(table, i, columns));
				}
			}
			rows.put(table, list);
			ctx.findings.rows += table.rows().size();
		}
		ctx.custom = new CustomColumns(customFields.list(admin, null, true));
		rows.forEach((table, list) -> ctx.custom.prepare(kinds.get(table), list));
		decideFormats(ctx, rows);
		if (!ctx.findings.decisions.isEmpty()) {
			return new Plan(ctx.report(), work(ctx));
		}
		CrmPlanning crm = new CrmPlanning(ctx);
		DealPlanning deals = new DealPlanning(ctx, crm);
		ProductPlanning productPlanning = new ProductPlanning(ctx, crm, deals);
		RosterPlanning roster = new RosterPlanning(ctx, users::emailInUse, user -> teams.membershipsOf(admin, user));
		PlaybookPlanning playbookPlanning = new PlaybookPlanning(ctx, crm);
		GoalPlanning goalPlanning = new GoalPlanning(ctx, crm,
				kinds.containsValue(EntityKind.GOALS) ? goals.all(admin.orgId()) : new GoalLoad.Batch(List.of(), List.of()));
		ForecastPlanning forecastPlanning = new ForecastPlanning(ctx, crm, kinds.containsValue(EntityKind.FORECASTS)
				|| kinds.containsValue(EntityKind.SNAPSHOTS) ? forecasts.all(admin.orgId())
						: new ForecastLoad.Batch(List.of(), List.of(), List.of(), List.of(), List.of()));
		rows.forEach((table, list) -> {
			if (kinds.get(table) == EntityKind.DEAL_HISTORY) {
				list.forEach(r -> deals.dealsWithHistory.add(r.get("dealId")));
			}
		});
		playbookPlanning.plan(rowsOf(rows, kinds, EntityKind.PIPELINES), rowsOf(rows, kinds, EntityKind.STAGES),
				rowsOf(rows, kinds, EntityKind.EXIT_CRITERIA));
		roster.prepare(rowsOf(rows, kinds, EntityKind.USERS), rowsOf(rows, kinds, EntityKind.TEAMS));
		roster.firstRecords(rowsOf(rows, kinds, EntityKind.DEALS), rowsOf(rows, kinds, EntityKind.ACTIVITIES));
		int done = 0;
		for (Table table : ordered) {
			EntityKind kind = kinds.get(table);
			for (Row row : rows.get(table)) {
				ctx.current = row;
				ctx.currentKind = kind;
				switch (kind) {
					// The playbook is read as a whole before everything else, above.
					case PIPELINES, STAGES, EXIT_CRITERIA -> { }
					case USERS -> roster.user(row);
					case TEAMS -> roster.team(row);
					case ACCOUNTS -> crm.account(row);
					case CONTACTS -> crm.contact(row);
					case PRODUCTS -> productPlanning.product(row);
					case DEALS -> deals.deal(row);
					case DEAL_LINES -> productPlanning.line(row);
					case DEAL_HISTORY -> deals.history(row);
					case STAKEHOLDERS -> deals.stakeholder(row);
					case ACTIVITIES -> deals.activity(row);
					case DEAL_CRITERIA -> playbookPlanning.tick(row, deals);
					case LEADS -> crm.lead(row);
					case GOALS -> goalPlanning.goal(row);
					case GOAL_PROPOSALS -> goalPlanning.proposal(row);
					case FORECASTS -> forecastPlanning.submission(row);
					case FORECAST_ADJUSTMENTS -> forecastPlanning.adjustment(row);
					case SNAPSHOTS -> forecastPlanning.snapshot(row);
					case SNAPSHOT_FORECASTS -> forecastPlanning.snapshotForecast(row);
					case SNAPSHOT_DEALS -> forecastPlanning.snapshotDeal(row);
					case ORGANISATION -> throw new IllegalStateException("not a file kind");
				}
				if (++done % 5000 == 0) {
					progress.accept(done);
				}
			}
		}
		roster.finish();
		deals.finish();
		roster.extendBack(records.datedFromRecords(admin.orgId()));
		roster.warnOutsideTeams();
		progress.accept(done);
		return new Plan(ctx.report(), work(ctx));
	}

	private static List<Row> rowsOf(Map<Table, List<Row>> rows, Map<Table, EntityKind> kinds, EntityKind kind) {
		return rows.entrySet().stream().filter(e -> kinds.get(e.getKey()) == kind).flatMap(e -> e.getValue().stream()).toList();
	}

	/** Field to column index: the user's mapping for a single file, Tandem's own column names inside a full export. */
	static Map<String, Integer> columns(Table table, EntityKind kind, @org.jspecify.annotations.Nullable Map<String, String> mapping) {
		Map<String, String> effective = mapping != null ? mapping : Preset.TANDEM.map(kind, table.headers());
		Map<String, Integer> columns = new HashMap<>();
		effective.forEach((field, header) -> {
			int index = table.headers().indexOf(header);
			if (index >= 0 && (kind.fieldKeys().contains(field)
					|| (CustomColumns.kindOf(kind).isPresent() && CustomColumns.isCustom(field)))) {
				columns.put(field, index);
			}
		});

		return columns;
	}

	/** Settles how to read dates and amounts: the user's choice, or the one the file's values allow; asks when both readings fit. */
	private static void decideFormats(PlanContext ctx, Map<Table, List<Row>> rows) {
		List<String> dates = new ArrayList<>();
		List<String> amounts = new ArrayList<>();
		rows.values().forEach(list -> list.forEach(r -> {
			DATE_FIELDS.forEach(f -> {
				if (!r.get(f).isEmpty()) {
					dates.add(r.get(f));
				}
			});
			AMOUNT_FIELDS.forEach(f -> {
				if (!r.get(f).isEmpty()) {
					amounts.add(r.get(f));
				}
			});
		}));
		ctx.dateOrder = ctx.settings.dateOrder();
		if (ctx.dateOrder == DateOrder.AUTO) {
			DateOrder found = ValueParsers.dateOrderOf(dates);
			if (found == null || (found == DateOrder.AUTO && ValueParsers.hasAmbiguousDates(dates))) {
				ctx.findings.decisions.add("dateOrder");
			}
			else {
				ctx.dateOrder = found;
			}
		}
		ctx.decimalMark = ctx.settings.decimalMark();
		if (ctx.decimalMark == DecimalMark.AUTO) {
			DecimalMark found = ValueParsers.decimalMarkOf(amounts);
			if (found == null || (found == DecimalMark.AUTO && ValueParsers.hasAmbiguousAmounts(amounts))) {
				ctx.findings.decisions.add("decimalMark");
			}
			else {
				ctx.decimalMark = found;
			}
		}
	}

	private static Plan.Work work(PlanContext ctx) {
		String actor = ctx.admin.displayName();
		return new Plan.Work(ctx.writes.pipelinesToWrite, ctx.writes.newStages, ctx.writes.newUsers, ctx.writes.newTeams, ctx.writes.memberships,
				ctx.writes.moves, ctx.writes.reactivate, ctx.writes.deactivate,
				ctx.writes.creates.batch(actor), ctx.writes.updates.batch(actor), new GoalLoad.Batch(ctx.writes.goals, ctx.writes.proposals), ctx.writes.forecasts.batch(),
				ctx.writes.befores, ctx.writes.links, ctx.custom.newFields, ctx.custom.values, ctx.writes.newProducts, ctx.writes.lines);
	}

}
