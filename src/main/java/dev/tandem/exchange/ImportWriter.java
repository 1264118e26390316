package dev.tandem.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntConsumer;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.exchange.persistence.ImportRecords.Written;
import dev.tandem.exchange.persistence.ImportRecords;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.GoalLoad;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserChanges;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.PlaybookManagement;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes a plan in the caller's transaction: the playbook's pipelines, new stages, users, teams and memberships
 * through the same domain operations an admin uses, the CRM records with {@link BulkLoad}, goals and the forecast
 * history with their loads, then what was written (for undo) and the source ids (for the next import).
 */
@Component
class ImportWriter {

	private final PlaybookManagement playbook;
	private final UserManagement users;
	private final TeamManagement teams;
	private final BulkLoad bulk;
	private final GoalLoad goals;
	private final ForecastLoad forecasts;
	private final ImportRecords records;
	private final JsonMapper json;
	private final CustomFieldManagement customFields;

	ImportWriter(PlaybookManagement playbook, UserManagement users, TeamManagement teams, BulkLoad bulk, GoalLoad goals,
			ForecastLoad forecasts, ImportRecords records, JsonMapper json, CustomFieldManagement customFields) {
		this.customFields = customFields;
		this.playbook = playbook;
		this.users = users;
		this.teams = teams;
		this.bulk = bulk;
		this.goals = goals;
		this.forecasts = forecasts;
		this.records = records;
		this.json = json;
	}

	void write(CurrentUser admin, UUID importId, Plan.Work work, IntConsumer phase) {
		List<Written> written = new ArrayList<>();
		work.pipelines().forEach(p -> playbook.putPipeline(admin, p));
		work.stages().forEach(s -> playbook.addStage(admin, s.id(), s.pipelineId(), s.name()));
		for (Plan.UserToCreate u : work.users()) {
			users.create(admin, u.id(), u.user());
			written.add(new Written("USERS", u.id(), "CREATED", null));
		}
		for (Plan.TeamToCreate t : work.teams()) {
			teams.create(admin, t.id(), t.team());
			written.add(new Written("TEAMS", t.id(), "CREATED", null));
		}
		for (Plan.MembershipToAdd m : work.memberships()) {
			Membership added = teams.addMember(admin, m.teamId(), m.userId(), m.from());
			if (m.until() != null) {
				teams.endMembership(admin, m.teamId(), added.id(), m.until());
			}
			written.add(new Written("MEMBERSHIP", added.id(), "CREATED", json.writeValueAsString(Map.of("teamId",
					m.teamId().toString(), "from", m.from().toString(), "fromRecords", m.fromRecords()))));
		}
		for (Plan.MembershipToMove m : work.moves()) {
			teams.startMembership(admin, m.teamId(), m.membershipId(), m.from());
			written.add(new Written("MEMBERSHIP", m.membershipId(), "UPDATED",
					json.writeValueAsString(Map.of("teamId", m.teamId().toString(), "from", m.was().toString()))));
		}
		for (UUID id : work.usersToReactivate()) {
			users.update(admin, id, new UserChanges(users.get(admin, id).version(), null, null, null, true, null));
			written.add(new Written("USERS", id, "REACTIVATED", null));
		}
		phase.accept(60);
		BulkLoad.Batch creates = work.creates();
		bulk.load(admin.orgId(), creates);
		bulk.loadLines(admin.orgId(), admin.displayName(), work.products(), work.lines());
		phase.accept(85);
		List<UUID> history = bulk.update(admin.orgId(), work.updates());
		work.customFields().forEach(f -> customFields.ensure(admin, f.kind(), f.key(), f.label(), f.type()));
		customBefore(admin, work, creates).forEach(w -> written.add(w));
		work.customValues().forEach(v -> customFields.keep(admin, v.kind(), v.recordId(), v.values()));
		goals.load(admin.orgId(), work.goals());
		forecasts.load(admin.orgId(), work.forecasts());
		for (UUID id : work.usersToDeactivate()) {
			users.update(admin, id, new UserChanges(users.get(admin, id).version(), null, null, null, false, null));
		}
		creates.accounts().forEach(a -> written.add(new Written("ACCOUNTS", a.id(), "CREATED", null)));
		creates.contacts().forEach(c -> written.add(new Written("CONTACTS", c.id(), "CREATED", null)));
		creates.deals().forEach(d -> written.add(new Written("DEALS", d.id(), "CREATED", null)));
		work.products().forEach(p -> written.add(new Written("PRODUCTS", p.id(), "CREATED", null)));
		creates.stakeholders().forEach(s -> written.add(new Written("STAKEHOLDERS", s.id(), "CREATED", null)));
		creates.activities().forEach(a -> written.add(new Written("ACTIVITIES", a.id(), "CREATED", null)));
		creates.leads().forEach(l -> written.add(new Written("LEADS", l.id(), "CREATED", null)));
		history.forEach(id -> written.add(new Written("HISTORY", id, "CREATED", null)));
		work.goals().goals().forEach(g -> written.add(new Written("GOALS", g.id(), "CREATED", null)));
		work.forecasts().submissions().forEach(s -> written.add(new Written("FORECASTS", s.id(), "CREATED", null)));
		work.forecasts().adjustments().forEach(a -> written.add(new Written("FORECAST_ADJUSTMENTS", a.id(), "CREATED", null)));
		work.forecasts().snapshots().forEach(s -> written.add(new Written("SNAPSHOTS", s.id(), "CREATED", null)));
		work.befores().forEach(b -> written.add(new Written(b.kind().name(), b.id(), "UPDATED", json.writeValueAsString(b.row()))));
		records.record(admin.orgId(), importId, written);
		records.link(admin.orgId(), importId, work.links().stream()
			.map(l -> new ImportRecords.Link(l.kind().name(), l.externalId(), l.recordId(), l.replacing())).toList());
		phase.accept(95);
	}

	/**
	 * The custom values the import is about to change on records it updates, as they are now (a key without a value
	 * as {@code null}), so undo can set them back.
	 */
	private List<Written> customBefore(CurrentUser admin, Plan.Work work, BulkLoad.Batch creates) {
		java.util.Set<UUID> created = new java.util.HashSet<>();
		creates.accounts().forEach(a -> created.add(a.id()));
		creates.contacts().forEach(c -> created.add(c.id()));
		creates.deals().forEach(d -> created.add(d.id()));
		creates.leads().forEach(l -> created.add(l.id()));
		Map<CustomFieldKind, Map<UUID, Map<String, String>>> now = new java.util.EnumMap<>(CustomFieldKind.class);
		List<Written> before = new ArrayList<>();
		for (CustomColumns.Values v : work.customValues()) {
			if (created.contains(v.recordId())) {
				continue;
			}
			Map<String, String> current = now.computeIfAbsent(v.kind(), k -> customFields.values(admin, k))
				.getOrDefault(v.recordId(), Map.of());
			Map<String, String> was = new java.util.TreeMap<>();
			v.values().keySet().forEach(key -> was.put(key, current.get(key)));
			before.add(new Written("CUSTOM_" + v.kind().name(), v.recordId(), "UPDATED", json.writeValueAsString(was)));
		}
		return before;
	}

	/**
	 * Takes back what an import wrote: deletes the forecast history, goals and CRM records it created (ticks and line
	 * items go with their deals) and the products it added that no deal sells now, sets the records it changed back to
	 * what they were, removes the memberships it added and deactivates the users it created (users are never deleted:
	 * their names stay on history). Teams and the playbook stay as the import left them: pipelines and stages it added
	 * or set.
	 */
	void undo(CurrentUser admin, UUID importId) {
		List<Written> written = records.written(admin.orgId(), importId);
		forecasts.remove(admin.orgId(), created(written, "SNAPSHOTS"), created(written, "FORECAST_ADJUSTMENTS"),
				created(written, "FORECASTS"));
		goals.remove(admin.orgId(), created(written, "GOALS"));
		List<UUID> accounts = created(written, "ACCOUNTS");
		List<UUID> contacts = created(written, "CONTACTS");
		List<UUID> deals = created(written, "DEALS");
		List<UUID> history = created(written, "HISTORY");
		List<UUID> stakeholders = created(written, "STAKEHOLDERS");
		List<UUID> activities = created(written, "ACTIVITIES");
		List<UUID> leads = created(written, "LEADS");
		bulk.remove(admin.orgId(), new BulkLoad.Removal(accounts, contacts, deals, history, stakeholders, activities, leads));
		// The lines of its deals went with them; a product it added stays only where a deal made since sells it.
		bulk.removeProducts(admin.orgId(), created(written, "PRODUCTS"));
		PlanContext.Rows before = new PlanContext.Rows();
		for (Written w : written) {
			if (!w.action().equals("UPDATED") || w.before() == null) {
				continue;
			}
			switch (w.entity()) {
				case "ACCOUNTS" -> before.accounts.add(json.readValue(w.before(), BulkLoadRows.AccountRow.class));
				case "CONTACTS" -> before.contacts.add(json.readValue(w.before(), BulkLoadRows.ContactRow.class));
				case "DEALS" -> before.deals.add(json.readValue(w.before(), BulkLoadRows.DealRow.class));
				case "ACTIVITIES" -> before.activities.add(json.readValue(w.before(), BulkLoadRows.ActivityRow.class));
				case "LEADS" -> before.leads.add(json.readValue(w.before(), BulkLoadRows.LeadRow.class));
				case "MEMBERSHIP" -> { }
				default -> {
					if (!w.entity().startsWith("CUSTOM_")) {
						throw new IllegalStateException("Cannot restore " + w.entity());
					}
				}
			}
		}
		bulk.update(admin.orgId(), before.batch(admin.displayName()));
		for (Written w : written) {
			if (w.entity().startsWith("CUSTOM_") && w.before() != null) {
				@SuppressWarnings("unchecked")
				Map<String, String> was = json.readValue(w.before(), Map.class);
				customFields.restore(admin, CustomFieldKind.valueOf(w.entity().substring("CUSTOM_".length())), w.recordId(), was);
			}
		}
		Map<UUID, List<Membership>> histories = new java.util.HashMap<>();
		for (Written w : written) {
			if (!w.entity().equals("MEMBERSHIP") || w.before() == null) {
				continue;
			}
			UUID teamId = UUID.fromString((String) json.readValue(w.before(), Map.class).get("teamId"));
			// A later import may have moved its start, an undo of an earlier one removed it. Each team's history is read
			// once: the changes below touch other memberships than the ones still to come.
			Membership membership = histories.computeIfAbsent(teamId, t -> teams.history(admin, t)).stream()
				.filter(m -> m.id().equals(w.recordId())).findFirst().orElse(null);
			if (membership == null) {
				continue;
			}
			if (w.action().equals("CREATED")) {
				teams.endMembership(admin, teamId, membership.id(), membership.validFrom());
			}
			else {
				teams.startMembership(admin, teamId, membership.id(),
						java.time.LocalDate.parse((String) json.readValue(w.before(), Map.class).get("from")));
			}
		}
		List<UUID> deactivate = new ArrayList<>(created(written, "USERS"));
		written.stream().filter(w -> w.entity().equals("USERS") && w.action().equals("REACTIVATED")).forEach(w -> deactivate.add(w.recordId()));
		for (UUID id : deactivate) {
			users.update(admin, id, new UserChanges(users.get(admin, id).version(), null, null, null, false, null));
		}
	}

	/** What an undo of the import takes back: records removed, records set back, memberships removed or moved back, people deactivated. */
	Map<String, Integer> undoSummary(CurrentUser admin, UUID importId) {
		Map<String, Integer> summary = new java.util.LinkedHashMap<>();
		for (Written w : records.written(admin.orgId(), importId)) {
			String what = switch (w.entity()) {
				case "USERS" -> "deactivated";
				case "MEMBERSHIP" -> w.action().equals("CREATED") ? "membershipsRemoved" : "membershipsMoved";
				// Teams stay as the import left them; stage history goes with its deals.
				case "HISTORY", "TEAMS" -> null;
				// Custom values are set back with their record, which counts already.
				default -> w.entity().startsWith("CUSTOM_") ? null : w.action().equals("CREATED") ? "removed" : "restored";
			};
			if (what != null) {
				summary.merge(what, 1, Integer::sum);
			}
		}
		return summary;
	}

	private static List<UUID> created(List<Written> written, String entity) {
		return written.stream().filter(w -> w.entity().equals(entity) && w.action().equals("CREATED")).map(Written::recordId).toList();
	}
}
