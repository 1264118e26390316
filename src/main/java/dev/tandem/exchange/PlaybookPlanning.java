package dev.tandem.exchange;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.tandem.platform.Ids;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.BuyingRole;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.GateMode;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.RequiredActivity;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;
import static dev.tandem.exchange.PlanContext.UPDATED;
import static dev.tandem.exchange.PlanContext.key;

/**
 * Reads the playbook of a full export: pipelines, their stages in order with their settings and required activities,
 * and the stages' exit criteria. The playbook is read as a whole before any deal, so deals find the stages it brings.
 * <p>
 * A pipeline the organisation lacks is created. One of the same name that holds no deal yet (as the default pipeline
 * of a new organisation) becomes the file's exactly: its stages, order and criteria; stages the file lacks go. One that
 * holds deals is left as it is, since its stages are the history of those deals; the file's deals are then matched to
 * its stages by name as for any other import. Also the ticks of exit criteria on the deals the import creates.
 */
final class PlaybookPlanning {

	private static final int MAX_LABEL = 200;

	private final PlanContext ctx;
	private final CrmPlanning crm;
	private final Set<UUID> pipelinesWithDeals = new HashSet<>();
	private final Map<String, Draft> drafts = new LinkedHashMap<>();
	private final Set<String> ticks = new HashSet<>();
	private @Nullable Draft defaultDraft;

	PlaybookPlanning(PlanContext ctx, CrmPlanning crm) {
		this.ctx = ctx;
		this.crm = crm;
		ctx.known.deals.values().forEach(d -> pipelinesWithDeals.add(d.pipelineId()));
	}

	/** Reads the pipelines, stages and criteria, then sets the playbook the rest of the import sees. */
	void plan(List<Row> pipelines, List<Row> stages, List<Row> criteria) {
		pipelines.forEach(this::pipeline);
		stages.forEach(this::stage);
		criteria.forEach(this::criterion);
		finish();
	}

	private void pipeline(Row row) {
		String name = row.get("name");
		crm.required(row, "name", name);
		Boolean isDefault = ctx.yesNo(row, "default", false);
		Integer cadence = ctx.integer(row, "reviewCadenceDays", 1, 365, 21);
		if (Boolean.TRUE.equals(isDefault) && defaultDraft != null) {
			ctx.problem(row, "default", "exchange.rule.one-default");
		}
		// A pipeline with a bad value still stands for its stages and criteria, so their rows are checked against it.
		if (name.isEmpty() || crm.seenBefore(row, "name", "pipeline:" + key(name))) {
			return;
		}
		Pipeline existing = ctx.known.pipelines.stream().filter(p -> key(p.name()).equals(key(name))).findFirst().orElse(null);
		Draft draft = new Draft(row, existing == null ? Ids.next() : existing.id(), name.trim(), Boolean.TRUE.equals(isDefault),
				cadence == null ? 21 : cadence, existing, existing != null && pipelinesWithDeals.contains(existing.id()));
		drafts.put(key(name), draft);
		if (draft.isDefault) {
			defaultDraft = draft;
		}
		if (!row.failed) {
			ctx.count(EntityKind.PIPELINES, draft.inUse ? SKIPPED : existing == null ? CREATED : UPDATED);
		}
	}

	private void stage(Row row) {
		Draft pipeline = pipelineOf(row);
		String name = row.get("name");
		crm.required(row, "name", name);
		StageKind kind = ctx.choice(row, "kind", StageKind.class, StageKind.OPEN);
		Integer position = ctx.integer(row, "position", 1, 1000, null);
		Integer probability = ctx.integer(row, "winProbability", 0, 100,
				kind == StageKind.WON ? Integer.valueOf(100) : kind == StageKind.LOST ? Integer.valueOf(0) : Integer.valueOf(50));
		ForecastCategory category = ctx.choice(row, "forecastCategory", ForecastCategory.class, kind == StageKind.WON
				? ForecastCategory.CLOSED : kind == StageKind.LOST ? ForecastCategory.OMITTED : ForecastCategory.PIPELINE);
		GateMode gate = ctx.choice(row, "gateMode", GateMode.class, GateMode.WARN);
		Integer stakeholders = ctx.integer(row, "minStakeholders", 0, 50, 0);
		Boolean decisionMaker = ctx.yesNo(row, "requiresDecisionMaker", false);
		List<RequiredActivity> required = requiredActivities(row);
		if (pipeline != null && (row.failed || crm.seenBefore(row, "name", "stage:" + pipeline.id + "|" + key(name)))) {
			pipeline.incomplete = true;
		}
		if (row.failed || pipeline == null || kind == null) {
			return;
		}
		if (pipeline.inUse) {
			ctx.count(EntityKind.STAGES, SKIPPED);
			return;
		}
		Stage same = pipeline.existing == null ? null : pipeline.existing.stages().stream()
			.filter(s -> s.kind() == kind && (kind != StageKind.OPEN || key(s.name()).equals(key(name)))).findFirst().orElse(null);
		Stage stage = new Stage(same == null ? Ids.next() : same.id(), pipeline.id, name.trim(), position == null ? 0 : position, kind,
				probability, category, gate, row.raw("guidance"), stakeholders, decisionMaker, required, List.of(), 0);
		pipeline.stages.add(new StageDraft(row, stage, same, position == null ? pipeline.stages.size() + 1 : position));
		ctx.count(EntityKind.STAGES, same == null ? CREATED : UPDATED);
	}

	/** {@code CALL:1;DEMO:2}: activity types, each at most once, with how many a deal needs (1 to 100). */
	private List<RequiredActivity> requiredActivities(Row row) {
		List<RequiredActivity> required = new ArrayList<>();
		for (String part : row.get("requiredActivities").split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String[] typeAndCount = part.split(":");
			ActivityType type = typeAndCount.length > 2 ? null : CrmPlanning.names(ActivityType.values()).stream()
				.filter(t -> t.equalsIgnoreCase(typeAndCount[0].trim())).map(ActivityType::valueOf).findFirst().orElse(null);
			Integer count = typeAndCount.length == 1 ? Integer.valueOf(1) : ValueParsers.integer(typeAndCount[1]);
			if (type == null || count == null || count < 1 || count > 100 || required.stream().anyMatch(r -> r.type() == type)) {
				ctx.problem(row, "requiredActivities", "exchange.rule.required-activities",
						String.join(", ", CrmPlanning.names(ActivityType.values())));
				return List.of();
			}
			required.add(new RequiredActivity(type, count));
		}
		return required;
	}

	private void criterion(Row row) {
		Draft pipeline = pipelineOf(row);
		String label = row.get("label").trim();
		crm.required(row, "label", label);
		crm.required(row, "stage", row.get("stage"));
		if (label.length() > MAX_LABEL) {
			ctx.problem(row, "label", "exchange.rule.too-long", MAX_LABEL);
		}
		Integer position = ctx.integer(row, "position", 1, 1000, null);
		BuyingRole role = ctx.choice(row, "satisfiedBy", BuyingRole.class, null);
		if (row.failed || pipeline == null) {
			return;
		}
		StageDraft stage = pipeline.stages.stream().filter(s -> key(s.stage.name()).equals(key(row.get("stage")))).findFirst().orElse(null);
		if (stage == null && !pipeline.inUse) {
			ctx.problem(row, "stage", "exchange.rule.reference");
			return;
		}
		if (crm.seenBefore(row, "label", "criterion:" + pipeline.id + "|" + key(row.get("stage")) + "|" + key(label))) {
			return;
		}
		if (pipeline.inUse || stage == null) {
			ctx.count(EntityKind.EXIT_CRITERIA, SKIPPED);
			return;
		}
		UUID id = stage.before == null ? Ids.next() : stage.before.exitCriteria().stream().filter(c -> key(c.label()).equals(key(label)))
			.map(ExitCriterion::id).findFirst().orElseGet(Ids::next);
		stage.criteria.add(new CriterionDraft(new ExitCriterion(id, label, role), position == null ? stage.criteria.size() + 1 : position));
		ctx.count(EntityKind.EXIT_CRITERIA, CREATED);
	}

	private @Nullable Draft pipelineOf(Row row) {
		String name = row.get("pipeline");
		if (name.isEmpty()) {
			ctx.problem(row, "pipeline", "exchange.rule.required");
			return null;
		}
		Draft draft = drafts.get(key(name));
		if (draft == null) {
			ctx.problem(row, "pipeline", "exchange.rule.reference");
		}
		return draft;
	}

	/** The pipelines as the import writes them, stages and criteria in order; the import's deals see these. */
	private void finish() {
		List<Pipeline> pipelines = new ArrayList<>(ctx.known.pipelines);
		for (Draft draft : drafts.values()) {
			if (draft.inUse || draft.incomplete) {
				continue;
			}
			List<Stage> stages = draft.stages.isEmpty() && draft.existing != null ? draft.existing.stages() : draft.stages.stream()
				.sorted(Comparator.comparingInt(StageDraft::order)).map(StageDraft::build).toList();
			List<StageKind> kinds = stages.stream().map(Stage::kind).toList();
			if (!kinds.contains(StageKind.OPEN) || kinds.stream().filter(k -> k == StageKind.WON).count() != 1
					|| kinds.stream().filter(k -> k == StageKind.LOST).count() != 1) {
				ctx.problem(draft.row, "name", "exchange.rule.pipeline-stages");
				continue;
			}
			Pipeline pipeline = new Pipeline(draft.id, draft.name, draft.isDefault || (draft.existing != null && draft.existing.isDefault()),
					draft.cadence, 0, stages);
			ctx.writes.pipelinesToWrite.add(pipeline);
			pipelines.removeIf(p -> p.id().equals(draft.id));
			pipelines.add(pipeline);
		}
		if (defaultDraft != null && !defaultDraft.inUse) {
			UUID id = defaultDraft.id;
			pipelines.replaceAll(p -> p.isDefault() && !p.id().equals(id)
					? new Pipeline(p.id(), p.name(), false, p.reviewCadenceDays(), p.version(), p.stages()) : p);
		}
		ctx.known.pipelines = List.copyOf(pipelines);
		ctx.known.defaultPipeline = pipelines.stream().filter(Pipeline::isDefault).findFirst().orElse(ctx.known.defaultPipeline);
	}

	/** A tick of an exit criterion on a deal this import creates, by the criterion's stage and label in the deal's pipeline. */
	void tick(Row row, DealPlanning deals) {
		UUID dealId = crm.reference(row, "dealId", EntityKind.DEALS);
		crm.required(row, "stage", row.get("stage"));
		crm.required(row, "criterion", row.get("criterion"));
		java.time.Instant at = ctx.instant(row, "checkedAt");
		UUID by = row.get("checkedBy").isEmpty() ? null : ctx.owner(row.get("checkedBy"));
		if (row.failed || dealId == null || (!row.get("checkedBy").isEmpty() && by == null)) {
			return;
		}
		if (!deals.created(dealId)) {
			ctx.count(EntityKind.DEAL_CRITERIA, SKIPPED);
			return;
		}
		UUID pipelineId = ctx.known.deals.get(dealId).pipelineId();
		Optional<ExitCriterion> criterion = ctx.known.pipelines.stream().filter(p -> p.id().equals(pipelineId))
			.flatMap(p -> p.stages().stream()).filter(s -> key(s.name()).equals(key(row.get("stage"))))
			.flatMap(s -> s.exitCriteria().stream()).filter(c -> key(c.label()).equals(key(row.get("criterion")))).findFirst();
		if (criterion.isEmpty()) {
			ctx.problem(row, "criterion", "exchange.rule.reference");
			return;
		}
		if (!ticks.add(dealId + "|" + criterion.get().id())) {
			ctx.problem(row, "criterion", "exchange.rule.duplicate-in-file");
			return;
		}
		ctx.writes.creates.criteria.add(new dev.tandem.crm.BulkLoadRows.CriterionRow(dealId, criterion.get().id(), at == null ? ctx.now : at, by));
		ctx.count(EntityKind.DEAL_CRITERIA, CREATED);
	}

	/** A pipeline of the file, with the organisation's of the same name if there is one. */
	private static final class Draft {
		final Row row;
		final UUID id;
		final String name;
		final boolean isDefault;
		final int cadence;
		final @Nullable Pipeline existing;
		final boolean inUse;
		final List<StageDraft> stages = new ArrayList<>();
		/** Whether a stage row of it failed: what the stages lack is then not said again of the pipeline. */
		boolean incomplete;

		Draft(Row row, UUID id, String name, boolean isDefault, int cadence, @Nullable Pipeline existing, boolean inUse) {
			this.row = row;
			this.id = id;
			this.name = name;
			this.isDefault = isDefault;
			this.cadence = cadence;
			this.existing = existing;
			this.inUse = inUse;
		}
	}

	/** A stage of the file; {@code before} is the organisation's stage it becomes, if any. */
	private record StageDraft(Row row, Stage stage, @Nullable Stage before, int order, List<CriterionDraft> criteria) {

		StageDraft(Row row, Stage stage, @Nullable Stage before, int order) {
			this(row, stage, before, order, new ArrayList<>());
		}

		Stage build() {
			List<ExitCriterion> ordered = criteria.stream().sorted(Comparator.comparingInt(CriterionDraft::order))
				.map(CriterionDraft::criterion).toList();
			return new Stage(stage.id(), stage.pipelineId(), stage.name(), order, stage.kind(), stage.winProbability(),
					stage.forecastCategory(), stage.gateMode(), stage.guidance(), stage.minStakeholders(), stage.requiresDecisionMaker(),
					stage.requiredActivities(), ordered, 0);
		}
	}

	private record CriterionDraft(ExitCriterion criterion, int order) {
	}
}
