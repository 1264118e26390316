package dev.tandem.exchange;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.GoalLoad;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.playbook.Pipeline;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of reading an import against the organisation: the report a dry run shows, and what a
 * run writes when the report is clean. Everything a run creates has its id chosen here, so rows may
 * refer to users, teams, pipelines and stages the same import creates. {@code pipelines} are written whole, before the rest.
 */
record Plan(ImportReport report, Work work) {

	record Work(List<Pipeline> pipelines, List<StageToCreate> stages, List<UserToCreate> users, List<TeamToCreate> teams,
			List<MembershipToAdd> memberships, List<MembershipToMove> moves, List<UUID> usersToReactivate, List<UUID> usersToDeactivate,
			BulkLoad.Batch creates, BulkLoad.Batch updates, GoalLoad.Batch goals, ForecastLoad.Batch forecasts, List<Before> befores,
			List<Link> links, List<CustomColumns.NewField> customFields, List<CustomColumns.Values> customValues,
			List<dev.tandem.crm.BulkLoadRows.ProductRow> products, List<dev.tandem.crm.BulkLoadRows.LineRow> lines) {
	}

	record StageToCreate(UUID id, UUID pipelineId, String name) {
	}

	record UserToCreate(UUID id, NewUser user) {
	}

	record TeamToCreate(UUID id, NewTeam team) {
	}

	/** A membership to add; {@code fromRecords} when the file gave no start and it starts where the person's records do. */
	record MembershipToAdd(UUID teamId, UUID userId, LocalDate from, @Nullable LocalDate until, boolean fromRecords) {
	}

	/** An earlier import's membership that starts earlier now, where this import's records of the person start ({@code was}: its start before). */
	record MembershipToMove(UUID teamId, UUID membershipId, LocalDate from, LocalDate was) {
	}

	/** A record as it was before the import changed it, kept for undo. */
	record Before(EntityKind kind, UUID id, Object row) {
	}

	/**
	 * The source's id of a record, so the next import recognises it; {@code replacing} when the id was linked before
	 * to a record that is gone for good.
	 */
	record Link(EntityKind kind, String externalId, UUID recordId, boolean replacing) {
	}
}
