package dev.tandem.playbook;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationOpened;
import dev.tandem.playbook.persistence.Pipelines;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.springframework.context.event.EventListener;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads the organisation's pipelines and lets an admin edit them. Every new organisation gets the
 * default activity-based B2B pipeline.
 */
@Service
public class PlaybookManagement {

	private final Pipelines pipelines;

	PlaybookManagement(Pipelines pipelines) {
		this.pipelines = pipelines;
	}

	public List<Pipeline> pipelines(UUID orgId) {
		return pipelines.all(orgId);
	}

	public Pipeline pipeline(UUID orgId, UUID pipelineId) {
		return pipelines.find(orgId, pipelineId).orElseThrow(() -> new RecordNotFoundException("pipeline", pipelineId));
	}

	public Pipeline defaultPipeline(UUID orgId) {
		return pipelines(orgId).stream().filter(Pipeline::isDefault).findFirst()
			.orElseThrow(() -> new IllegalStateException("Organisation " + orgId + " has no default pipeline"));
	}

	/** The pipeline that holds a stage, or 404 if the stage is not the organisation's. */
	public Pipeline pipelineOfStage(UUID orgId, UUID stageId) {
		return pipelines(orgId).stream().filter(p -> p.stage(stageId).isPresent()).findFirst()
			.orElseThrow(() -> new RecordNotFoundException("stage", stageId));
	}

	@EventListener
	void createDefaultPipeline(OrganisationOpened opened) {
		DefaultPipeline.create(pipelines, opened.orgId(), opened.locale());
	}

	@Transactional
	public Pipeline createPipeline(CurrentUser admin, String name, int reviewCadenceDays) {
		requireAdmin(admin);
		checkPipeline(admin.orgId(), null, name, reviewCadenceDays);
		UUID id = Ids.next();
		pipelines.insertPipeline(admin.orgId(), id, name.trim(), false, reviewCadenceDays, admin.displayName());
		String[] names = "nl".equals(admin.locale()) ? new String[] { "Gekwalificeerd", "Gewonnen", "Verloren" }
				: new String[] { "Qualified", "Won", "Lost" };
		pipelines.insertStage(admin.orgId(), new Stage(Ids.next(), id, names[0], 1, StageKind.OPEN, 20, ForecastCategory.PIPELINE,
				GateMode.WARN, "", 0, false, List.of(), List.of(), 0), admin.displayName());
		pipelines.insertStage(admin.orgId(), new Stage(Ids.next(), id, names[1], 2, StageKind.WON, 100, ForecastCategory.CLOSED,
				GateMode.WARN, "", 0, false, List.of(), List.of(), 0), admin.displayName());
		pipelines.insertStage(admin.orgId(), new Stage(Ids.next(), id, names[2], 3, StageKind.LOST, 0, ForecastCategory.OMITTED,
				GateMode.WARN, "", 0, false, List.of(), List.of(), 0), admin.displayName());
		return pipeline(admin.orgId(), id);
	}

	@Transactional
	public Pipeline updatePipeline(CurrentUser admin, UUID pipelineId, int version, String name, int reviewCadenceDays) {
		requireAdmin(admin);
		pipeline(admin.orgId(), pipelineId);
		checkPipeline(admin.orgId(), pipelineId, name, reviewCadenceDays);
		if (!pipelines.updatePipeline(admin.orgId(), pipelineId, name.trim(), reviewCadenceDays, version, admin.displayName())) {
			throw new ConcurrentEditException("pipeline", null, null);
		}
		return pipeline(admin.orgId(), pipelineId);
	}

	/** Adds an open stage just before the pipeline's closed stages. */
	@Transactional
	public Stage addStage(CurrentUser admin, UUID pipelineId, String name) {
		return addStage(admin, Ids.next(), pipelineId, name);
	}

	/** Adds an open stage with an id chosen beforehand, as an import that refers to the stage before it exists does. */
	@Transactional
	public Stage addStage(CurrentUser admin, UUID id, UUID pipelineId, String name) {
		requireAdmin(admin);
		Pipeline pipeline = pipeline(admin.orgId(), pipelineId);
		if (name.isBlank() || pipeline.stages().stream().anyMatch(s -> s.name().equalsIgnoreCase(name.trim()))) {
			throw InvalidInputException.of("name", name.isBlank() ? "jakarta.validation.constraints.NotBlank.message" : "validation.stage.name-taken");
		}
		int position = pipeline.openStages().stream().mapToInt(Stage::position).max().orElse(0) + 1;
		for (Stage closed : pipeline.stages().stream().filter(Stage::isClosed).toList()) {
			pipelines.updateStage(admin.orgId(), withPosition(closed, closed.position() + 1), closed.version(), admin.displayName());
		}
		Stage stage = new Stage(id, pipelineId, name.trim(), position, StageKind.OPEN, 50, ForecastCategory.PIPELINE,
				GateMode.WARN, "", 0, false, List.of(), List.of(), 0);
		pipelines.insertStage(admin.orgId(), stage, admin.displayName());
		return pipeline(admin.orgId(), pipelineId).stage(stage.id()).orElseThrow();
	}

	@Transactional
	public Stage updateStage(CurrentUser admin, UUID stageId, StageChanges changes) {
		requireAdmin(admin);
		Pipeline pipeline = pipelineOfStage(admin.orgId(), stageId);
		Stage current = pipeline.stage(stageId).orElseThrow();
		List<FieldProblem> problems = new ArrayList<>();
		if (pipeline.stages().stream().anyMatch(s -> !s.id().equals(stageId) && s.name().equalsIgnoreCase(changes.name().trim()))) {
			problems.add(new FieldProblem("name", "validation.stage.name-taken"));
		}
		Stage changed = new Stage(stageId, current.pipelineId(), changes.name().trim(), current.position(), current.kind(),
				changes.winProbability(), changes.forecastCategory(), changes.gateMode(), changes.guidance(),
				changes.minStakeholders(), changes.requiresDecisionMaker(), changes.requiredActivities(),
				changes.exitCriteria().stream().map(c -> new ExitCriterion(c.id() == null ? Ids.next() : c.id(), c.label().trim(),
						c.satisfiedByRole())).toList(),
				current.version());
		problems.addAll(stageProblems(changed));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		if (!pipelines.updateStage(admin.orgId(), changed, changes.version(), admin.displayName())) {
			throw new ConcurrentEditException("stage", pipelines.stageUpdatedBy(admin.orgId(), stageId).orElse(null), null);
		}
		return pipeline(admin.orgId(), current.pipelineId()).stage(stageId).orElseThrow();
	}

	/**
	 * Writes a whole pipeline as an import of another organisation's playbook defines it: creates it, or makes the
	 * pipeline with its id exactly this one (name, review cadence, its stages by id in the given order with their
	 * settings, required activities and exit criteria). Stages it no longer lists are removed, which the database
	 * refuses while a deal is or was in one; a stage keeps its kind. A pipeline marked default becomes the default.
	 */
	@Transactional
	public Pipeline putPipeline(CurrentUser admin, Pipeline pipeline) {
		requireAdmin(admin);
		UUID orgId = admin.orgId();
		checkPipeline(orgId, pipeline.id(), pipeline.name(), pipeline.reviewCadenceDays());
		Pipeline existing = pipelines.find(orgId, pipeline.id()).orElse(null);
		List<FieldProblem> problems = new ArrayList<>();
		List<StageKind> kinds = pipeline.stages().stream().map(Stage::kind).toList();
		if (!kinds.contains(StageKind.OPEN) || kinds.stream().filter(k -> k == StageKind.WON).count() != 1
				|| kinds.stream().filter(k -> k == StageKind.LOST).count() != 1) {
			problems.add(new FieldProblem("stages", "validation.pipeline.stages"));
		}
		if (pipeline.stages().stream().map(s -> s.name().trim().toLowerCase(java.util.Locale.ROOT)).distinct().count() != kinds.size()) {
			problems.add(new FieldProblem("stages", "validation.stage.name-taken"));
		}
		for (Stage stage : pipeline.stages()) {
			problems.addAll(stageProblems(stage));
			Stage before = existing == null ? null : existing.stage(stage.id()).orElse(null);
			if (!stage.pipelineId().equals(pipeline.id()) || (before != null && before.kind() != stage.kind())) {
				problems.add(new FieldProblem("stages", "validation.stage.unknown"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		String actor = admin.displayName();
		if (existing == null) {
			pipelines.insertPipeline(orgId, pipeline.id(), pipeline.name().trim(), false, pipeline.reviewCadenceDays(), actor);
		}
		else if (!pipelines.updatePipeline(orgId, pipeline.id(), pipeline.name().trim(), pipeline.reviewCadenceDays(), existing.version(),
				actor)) {
			throw new ConcurrentEditException("pipeline", null, null);
		}
		if (pipeline.isDefault()) {
			pipelines.makeDefault(orgId, pipeline.id());
		}
		pipelines.deleteStagesExcept(orgId, pipeline.id(), pipeline.stages().stream().map(Stage::id).toList());
		int position = 0;
		for (Stage stage : pipeline.stages()) {
			Stage placed = withPosition(stage, ++position);
			Stage before = existing == null ? null : existing.stage(stage.id()).orElse(null);
			if (before == null) {
				pipelines.insertStage(orgId, placed, actor);
			}
			else if (!pipelines.updateStage(orgId, placed, before.version(), actor)) {
				throw new ConcurrentEditException("stage", pipelines.stageUpdatedBy(orgId, stage.id()).orElse(null), null);
			}
		}
		return pipeline(orgId, pipeline.id());
	}

	/** What is wrong with a stage's editable values, by field. */
	private static List<FieldProblem> stageProblems(Stage stage) {
		List<FieldProblem> problems = new ArrayList<>();
		if (stage.name().isBlank()) {
			problems.add(new FieldProblem("name", "jakarta.validation.constraints.NotBlank.message"));
		}
		if (stage.winProbability() < 0 || stage.winProbability() > 100) {
			problems.add(new FieldProblem("winProbability", "validation.range", 0, 100));
		}
		if (stage.minStakeholders() < 0 || stage.minStakeholders() > 50) {
			problems.add(new FieldProblem("minStakeholders", "validation.range", 0, 50));
		}
		for (RequiredActivity required : stage.requiredActivities()) {
			if (required.minCount() < 1 || required.minCount() > 100) {
				problems.add(new FieldProblem("requiredActivities", "validation.range", 1, 100));
			}
		}
		if (stage.requiredActivities().stream().map(RequiredActivity::type).distinct().count() != stage.requiredActivities().size()) {
			problems.add(new FieldProblem("requiredActivities", "validation.stage.duplicate-activity"));
		}
		if (stage.exitCriteria().stream().anyMatch(c -> c.label().isBlank() || c.label().length() > 200)) {
			problems.add(new FieldProblem("exitCriteria", "validation.text.length", 1, 200));
		}
		return problems;
	}

	private void checkPipeline(UUID orgId, UUID id, String name, int cadence) {
		List<FieldProblem> problems = new ArrayList<>();
		if (name.isBlank()) {
			problems.add(new FieldProblem("name", "jakarta.validation.constraints.NotBlank.message"));
		}
		else if (pipelines(orgId).stream().anyMatch(p -> !p.id().equals(id) && p.name().equalsIgnoreCase(name.trim()))) {
			problems.add(new FieldProblem("name", "validation.pipeline.name-taken"));
		}
		if (cadence < 1 || cadence > 365) {
			problems.add(new FieldProblem("reviewCadenceDays", "validation.range", 1, 365));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private static Stage withPosition(Stage s, int position) {
		return new Stage(s.id(), s.pipelineId(), s.name(), position, s.kind(), s.winProbability(), s.forecastCategory(),
				s.gateMode(), s.guidance(), s.minStakeholders(), s.requiresDecisionMaker(), s.requiredActivities(),
				s.exitCriteria(), s.version());
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only an admin may change the playbook");
		}
	}
}
