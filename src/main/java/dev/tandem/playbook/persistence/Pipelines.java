package dev.tandem.playbook.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Pipelines with their stages and stage requirements; each statement is bound to one organisation.
 */
@Repository
public class Pipelines {

	private final JdbcClient jdbc;

	Pipelines(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Pipeline> all(UUID orgId) {
		List<PipelineRow> rows = jdbc.sql("""
				select id, name, is_default, review_cadence_days, version from playbook_pipeline
				 where org_id = :org order by is_default desc, name
				""")
			.param("org", orgId)
			.query((rs, n) -> new PipelineRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getBoolean("is_default"),
					rs.getInt("review_cadence_days"), rs.getInt("version")))
			.list();
		Map<UUID, List<Stage>> stages = stages(orgId).stream().collect(Collectors.groupingBy(Stage::pipelineId));
		return rows.stream()
			.map(r -> new Pipeline(r.id(), r.name(), r.isDefault(), r.cadence(), r.version(), stages.getOrDefault(r.id(), List.of())))
			.toList();
	}

	public Optional<Pipeline> find(UUID orgId, UUID pipelineId) {
		return all(orgId).stream().filter(p -> p.id().equals(pipelineId)).findFirst();
	}

	private List<Stage> stages(UUID orgId) {
		Map<UUID, List<RequiredActivity>> required = jdbc.sql("""
				select stage_id, activity_type, min_count from playbook_required_activity where org_id = :org order by activity_type
				""")
			.param("org", orgId)
			.query((rs, n) -> Map.entry(rs.getObject("stage_id", UUID.class),
					new RequiredActivity(ActivityType.valueOf(rs.getString("activity_type")), rs.getInt("min_count"))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		Map<UUID, List<ExitCriterion>> criteria = jdbc.sql("""
				select stage_id, id, label, satisfied_by_role from playbook_exit_criterion where org_id = :org order by position, id
				""")
			.param("org", orgId)
			.query((rs, n) -> Map.entry(rs.getObject("stage_id", UUID.class),
					new ExitCriterion(rs.getObject("id", UUID.class), rs.getString("label"), role(rs.getString("satisfied_by_role")))))
			.list().stream()
			.collect(Collectors.groupingBy(Map.Entry::getKey, Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
		return jdbc.sql("""
				select id, pipeline_id, name, position, kind, win_probability, forecast_category, gate_mode, guidance,
				       min_stakeholders, requires_decision_maker, version
				  from playbook_stage where org_id = :org order by pipeline_id, position
				""")
			.param("org", orgId)
			.query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				return new Stage(id, rs.getObject("pipeline_id", UUID.class), rs.getString("name"), rs.getInt("position"),
						StageKind.valueOf(rs.getString("kind")), rs.getInt("win_probability"),
						ForecastCategory.valueOf(rs.getString("forecast_category")), GateMode.valueOf(rs.getString("gate_mode")),
						rs.getString("guidance"), rs.getInt("min_stakeholders"), rs.getBoolean("requires_decision_maker"),
						required.getOrDefault(id, List.of()), criteria.getOrDefault(id, List.of()), rs.getInt("version"));
			})
			.list();
	}

	public void insertPipeline(UUID orgId, UUID id, String name, boolean isDefault, int cadenceDays, String actor) {
		jdbc.sql("""
				insert into playbook_pipeline (org_id, id, name, is_default, review_cadence_days, updated_by)
				values (:org, :id, :name, :default, :cadence, :actor)
				""")
			.param("org", orgId).param("id", id).param("name", name).param("default", isDefault).param("cadence", cadenceDays)
			.param("actor", actor).update();
	}

	public boolean updatePipeline(UUID orgId, UUID id, String name, int cadenceDays, int expectedVersion, String actor) {
		return jdbc.sql("""
				update playbook_pipeline set name = :name, review_cadence_days = :cadence, version = version + 1,
				       updated_at = now(), updated_by = :actor
				 where org_id = :org and id = :id and version = :version
				""")
			.param("name", name).param("cadence", cadenceDays).param("actor", actor).param("org", orgId).param("id", id)
			.param("version", expectedVersion).update() == 1;
	}

	/** Makes the pipeline the organisation's default, and no other. */
	public void makeDefault(UUID orgId, UUID id) {
		jdbc.sql("update playbook_pipeline set is_default = false where org_id = :org and is_default and id <> :id")
			.param("org", orgId).param("id", id).update();
		jdbc.sql("update playbook_pipeline set is_default = true where org_id = :org and id = :id").param("org", orgId).param("id", id)
			.update();
	}

	/** Removes the pipeline's stages other than {@code kept}, with their requirements; the database refuses one a deal refers to. */
	public void deleteStagesExcept(UUID orgId, UUID pipelineId, List<UUID> kept) {
		jdbc.sql("delete from playbook_stage where org_id = :org and pipeline_id = :pipeline and not (id = any(:kept))")
			.param("org", orgId).param("pipeline", pipelineId).param("kept", kept.toArray(new UUID[0])).update();
	}

	public void insertStage(UUID orgId, Stage stage, String actor) {
		jdbc.sql("""
				insert into playbook_stage (org_id, id, pipeline_id, name, position, kind, win_probability, forecast_category,
				       gate_mode, guidance, min_stakeholders, requires_decision_maker, updated_by)
				values (:org, :id, :pipeline, :name, :position, :kind, :probability, :category, :gate, :guidance,
				       :stakeholders, :dm, :actor)
				""")
			.param("org", orgId).param("id", stage.id()).param("pipeline", stage.pipelineId()).param("name", stage.name())
			.param("position", stage.position()).param("kind", stage.kind().name()).param("probability", stage.winProbability())
			.param("category", stage.forecastCategory().name()).param("gate", stage.gateMode().name())
			.param("guidance", stage.guidance()).param("stakeholders", stage.minStakeholders())
			.param("dm", stage.requiresDecisionMaker()).param("actor", actor).update();
		replaceRequirements(orgId, stage);
	}

	public boolean updateStage(UUID orgId, Stage stage, int expectedVersion, String actor) {
		boolean updated = jdbc.sql("""
				update playbook_stage set name = :name, position = :position, win_probability = :probability,
				       forecast_category = :category, gate_mode = :gate, guidance = :guidance, min_stakeholders = :stakeholders,
				       requires_decision_maker = :dm, version = version + 1, updated_at = now(), updated_by = :actor
				 where org_id = :org and id = :id and version = :version
				""")
			.param("name", stage.name()).param("position", stage.position()).param("probability", stage.winProbability())
			.param("category", stage.forecastCategory().name()).param("gate", stage.gateMode().name())
			.param("guidance", stage.guidance()).param("stakeholders", stage.minStakeholders())
			.param("dm", stage.requiresDecisionMaker()).param("actor", actor).param("org", orgId).param("id", stage.id())
			.param("version", expectedVersion).update() == 1;
		if (updated) {
			replaceRequirements(orgId, stage);
		}
		return updated;
	}

	private void replaceRequirements(UUID orgId, Stage stage) {
		jdbc.sql("delete from playbook_required_activity where org_id = :org and stage_id = :stage")
			.param("org", orgId).param("stage", stage.id()).update();
		for (RequiredActivity required : stage.requiredActivities()) {
			jdbc.sql("insert into playbook_required_activity (org_id, id, stage_id, activity_type, min_count) values (:org, :id, :stage, :type, :min)")
				.param("org", orgId).param("id", dev.tandem.platform.Ids.next()).param("stage", stage.id())
				.param("type", required.type().name()).param("min", required.minCount()).update();
		}
		List<UUID> kept = new ArrayList<>();
		int position = 0;
		for (ExitCriterion criterion : stage.exitCriteria()) {
			kept.add(criterion.id());
			String role = criterion.satisfiedByRole() == null ? null : criterion.satisfiedByRole().name();
			int updated = jdbc.sql("""
					update playbook_exit_criterion set label = :label, position = :position, satisfied_by_role = :role
					 where org_id = :org and id = :id and stage_id = :stage
					""")
				.param("label", criterion.label()).param("position", position).param("role", role).param("org", orgId)
				.param("id", criterion.id()).param("stage", stage.id()).update();
			if (updated == 0) {
				jdbc.sql("""
						insert into playbook_exit_criterion (org_id, id, stage_id, position, label, satisfied_by_role)
						values (:org, :id, :stage, :position, :label, :role)
						""")
					.param("org", orgId).param("id", criterion.id()).param("stage", stage.id()).param("position", position)
					.param("label", criterion.label()).param("role", role).update();
			}
			position++;
		}
		jdbc.sql("delete from playbook_exit_criterion where org_id = :org and stage_id = :stage and not (id = any(:kept))")
			.param("org", orgId).param("stage", stage.id()).param("kept", kept.toArray(new UUID[0])).update();
	}

	public boolean stageUpdatedSince(UUID orgId, UUID stageId, int version) {
		return jdbc.sql("select version <> :version from playbook_stage where org_id = :org and id = :id")
			.param("version", version).param("org", orgId).param("id", stageId).query(Boolean.class).optional().orElse(true);
	}

	public Optional<String> stageUpdatedBy(UUID orgId, UUID stageId) {
		return jdbc.sql("select updated_by from playbook_stage where org_id = :org and id = :id")
			.param("org", orgId).param("id", stageId).query(String.class).optional();
	}

	private static @Nullable BuyingRole role(@Nullable String name) {
		return name == null ? null : BuyingRole.valueOf(name);
	}

	private record PipelineRow(UUID id, String name, boolean isDefault, int cadence, int version) {
	}
}
