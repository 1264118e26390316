package dev.tandem.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.Product;
import dev.tandem.crm.ProductManagement;
import dev.tandem.exchange.persistence.ImportRecords;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.GoalLoad;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

import static dev.tandem.exchange.ExportZip.join;
import static dev.tandem.exchange.ExportZip.row;

/**
 * The full organisation export: a ZIP with one CSV per kind, whose columns are the field names Tandem's import reads,
 * so importing it into an empty organisation brings everything back. It holds the playbook (pipelines, their stages in
 * order with their settings and required activities, exit criteria and what satisfies them), users with their
 * memberships, teams, the product catalogue with its prices, accounts, contacts, deals with their line items, history,
 * ticked exit criteria and buying groups, activities, leads (with their custom fields, as columns custom.<key>), goals with the steps of their agreement, and the forecast history: every submitted revision,
 * the managers' adjustments and the snapshots with what they held. People are named by e-mail, teams, pipelines and
 * stages and products by name, CRM records by their source id (the one an import brought them under, else their Tandem id), so
 * importing the export into the same organisation updates them in place. Text a spreadsheet would run as a formula is
 * neutralised. The export reads one consistent state of the organisation, even while others write.
 * <p>
 * Not exported, on purpose: passwords and API tokens (secrets never leave), sessions, the audit log (it is the record
 * of this installation, not the organisation's data), lead routing logs and routing weights (they describe how this
 * installation handed out leads; the leads keep their owner), earlier imports with their files, and what is computed
 * from the rest (counts, the backtest, statistical forecasts). Snapshot rows of deals deleted since are left out.
 */
@Service
public class ExportManagement {

	private final UserManagement users;
	private final TeamManagement teams;
	private final PlaybookManagement playbook;
	private final BulkLoad bulk;
	private final GoalLoad goals;
	private final ForecastLoad forecasts;
	private final ImportRecords records;
	private final CustomFieldManagement customFields;
	private final ProductManagement products;

	ExportManagement(UserManagement users, TeamManagement teams, PlaybookManagement playbook, BulkLoad bulk, GoalLoad goals,
			ForecastLoad forecasts, ImportRecords records, CustomFieldManagement customFields, ProductManagement products) {
		this.customFields = customFields;
		this.products = products;
		this.users = users;
		this.teams = teams;
		this.playbook = playbook;
		this.bulk = bulk;
		this.goals = goals;
		this.forecasts = forecasts;
		this.records = records;
	}

	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public void export(CurrentUser admin, OutputStream out) throws IOException {
		ImportManagement.requireAdmin(admin);
		List<User> people = users.all(admin);
		List<Team> teamList = teams.all(admin);
		Names names = new Names(people.stream().collect(Collectors.toMap(User::id, User::email)),
				teamList.stream().collect(Collectors.toMap(Team::id, Team::name)), new HashMap<>(), new HashMap<>(), new HashMap<>());
		List<Pipeline> pipelines = playbook.pipelines(admin.orgId());
		pipelines.forEach(p -> {
			names.pipelines.put(p.id(), p.name());
			p.stages().forEach(s -> names.stages.put(s.id(), s.name()));
		});
		ExportZip zip = new ExportZip(out);
		playbook(zip, pipelines);
		roster(zip, admin, people, teamList, names);
		List<Product> catalogue = products.list(admin, true);
		catalogue.forEach(p -> names.products.put(p.id(), p.name()));
		products(zip, catalogue);
		BulkLoad.Batch crm = bulk.snapshot(admin.orgId());
		SourceIds ids = new SourceIds(records.sourceIds(admin.orgId(), SourceIds.KINDS));
		crm(zip, crm, names, pipelines, ids, custom(admin, crm));
		zip.entry(EntityKind.DEAL_LINES, List.of("dealId", "product", "quantity", "unitPrice", "discount"), bulk.lines(admin.orgId())
			.stream().map(l -> row(ids.deal(l.dealId()), names.products.get(l.productId()), l.quantity().toPlainString(), l.unitPrice(),
					l.discountPercent())).toList());
		goals(zip, goals.all(admin.orgId()), names);
		forecasts(zip, forecasts.all(admin.orgId()), crm.deals().stream().map(BulkLoadRows.DealRow::id).collect(Collectors.toSet()), names,
				ids);
		zip.finish();
	}

	/** Ids to what the files name them by. */
	private record Names(Map<UUID, String> emails, Map<UUID, String> teams, Map<UUID, String> pipelines, Map<UUID, String> stages,
			Map<UUID, String> products) {

		@Nullable String person(@Nullable UUID id) {
			return id == null ? null : emails.get(id);
		}

		@Nullable String email(Scope scope) {
			return scope.isTeam() ? null : emails.get(scope.id());
		}

		@Nullable String team(Scope scope) {
			return scope.isTeam() ? teams.get(scope.id()) : null;
		}
	}

	private static void playbook(ExportZip zip, List<Pipeline> pipelines) throws IOException {
		zip.entry(EntityKind.PIPELINES, List.of("name", "default", "reviewCadenceDays"),
				pipelines.stream().map(p -> row(p.name(), p.isDefault(), p.reviewCadenceDays())).toList());
		List<List<Object>> stages = new ArrayList<>();
		List<List<Object>> criteria = new ArrayList<>();
		for (Pipeline p : pipelines) {
			for (int i = 0; i < p.stages().size(); i++) {
				Stage s = p.stages().get(i);
				stages.add(row(p.name(), s.name(), i + 1, s.kind(), s.winProbability(), s.forecastCategory(), s.gateMode(), s.guidance(),
						s.minStakeholders(), s.requiresDecisionMaker(), s.requiredActivities().stream().map(r -> r.type() + ":" + r.minCount())
							.collect(Collectors.joining(";"))));
				for (int c = 0; c < s.exitCriteria().size(); c++) {
					ExitCriterion criterion = s.exitCriteria().get(c);
					criteria.add(row(p.name(), s.name(), c + 1, criterion.label(), criterion.satisfiedByRole()));
				}
			}
		}
		zip.entry(EntityKind.STAGES, List.of("pipeline", "name", "position", "kind", "winProbability", "forecastCategory", "gateMode",
				"guidance", "minStakeholders", "requiresDecisionMaker", "requiredActivities"), stages);
		zip.entry(EntityKind.EXIT_CRITERIA, List.of("pipeline", "stage", "position", "label", "satisfiedBy"), criteria);
	}

	/** The catalogue by name, with prices as {@code EUR:1200.00;USD:1300.00}. */
	private static void products(ExportZip zip, List<Product> catalogue) throws IOException {
		zip.entry(EntityKind.PRODUCTS, List.of("id", "name", "code", "active", "prices"), catalogue.stream()
			.map(p -> row(p.id(), p.name(), p.code(), p.active(), p.prices().entrySet().stream()
				.map(e -> e.getKey() + ":" + e.getValue().toPlainString()).collect(Collectors.joining(";"))))
			.toList());
	}

	private void roster(ExportZip zip, CurrentUser admin, List<User> people, List<Team> teamList, Names names) throws IOException {
		Map<UUID, List<Membership>> memberships = teams.allMemberships(admin).stream().collect(Collectors.groupingBy(Membership::userId));
		List<List<Object>> userRows = new ArrayList<>();
		for (User u : people) {
			List<Membership> list = memberships.getOrDefault(u.id(), List.of());
			if (list.isEmpty()) {
				userRows.add(row(u.email(), u.displayName(), u.role(), u.locale(), u.active(), null, null, null));
			}
			list.forEach(m -> userRows.add(row(u.email(), u.displayName(), u.role(), u.locale(), u.active(), names.teams.get(m.teamId()),
					m.validFrom(), m.validTo())));
		}
		zip.entry(EntityKind.USERS, List.of("email", "name", "role", "language", "active", "team", "memberFrom", "memberUntil"), userRows);
		zip.entry(EntityKind.TEAMS, List.of("name", "kind", "parent", "leader"), teamList.stream()
			.map(t -> row(t.name(), t.kind(), t.parentId() == null ? null : names.teams.get(t.parentId()), names.person(t.leaderId())))
			.toList());
	}

	/** The custom fields of the exported accounts, contacts, deals and leads, by kind. */
	private Map<CustomFieldKind, CustomExport> custom(CurrentUser admin, BulkLoad.Batch crm) {
		Map<CustomFieldKind, CustomExport> custom = new EnumMap<>(CustomFieldKind.class);
		custom.put(CustomFieldKind.ACCOUNT, new CustomExport(customFields.values(admin, CustomFieldKind.ACCOUNT),
				crm.accounts().stream().map(BulkLoadRows.AccountRow::id).toList()));
		custom.put(CustomFieldKind.CONTACT, new CustomExport(customFields.values(admin, CustomFieldKind.CONTACT),
				crm.contacts().stream().map(BulkLoadRows.ContactRow::id).toList()));
		custom.put(CustomFieldKind.DEAL, new CustomExport(customFields.values(admin, CustomFieldKind.DEAL),
				crm.deals().stream().map(BulkLoadRows.DealRow::id).toList()));
		custom.put(CustomFieldKind.LEAD, new CustomExport(customFields.values(admin, CustomFieldKind.LEAD),
				crm.leads().stream().map(BulkLoadRows.LeadRow::id).toList()));
		return custom;
	}

	private static void crm(ExportZip zip, BulkLoad.Batch crm, Names names, List<Pipeline> pipelines, SourceIds ids,
			Map<CustomFieldKind, CustomExport> custom) throws IOException {
		CustomExport accounts = custom.get(CustomFieldKind.ACCOUNT);
		CustomExport contacts = custom.get(CustomFieldKind.CONTACT);
		CustomExport deals = custom.get(CustomFieldKind.DEAL);
		CustomExport leads = custom.get(CustomFieldKind.LEAD);
		Map<UUID, String> accountNames = crm.accounts().stream().collect(Collectors.toMap(BulkLoadRows.AccountRow::id, BulkLoadRows.AccountRow::name));
		zip.entry(EntityKind.ACCOUNTS, accounts.headers(List.of("id", "name", "sector", "size", "country", "website", "owner", "createdAt")),
				crm.accounts().stream().map(a -> accounts.row(a.id(), row(ids.account(a.id()), a.name(), a.sector(), a.size(), a.country(),
						a.website(), names.person(a.ownerId()), a.createdAt()))).toList());
		zip.entry(EntityKind.CONTACTS, contacts.headers(List.of("id", "accountId", "account", "name", "title", "email", "phone",
				"socialUrl", "createdAt")),
				crm.contacts().stream().map(c -> contacts.row(c.id(), row(ids.contact(c.id()), ids.account(c.accountId()),
						accountNames.get(c.accountId()), c.name(), c.title(), c.email(), c.phone(), c.socialUrl(), c.createdAt()))).toList());
		zip.entry(EntityKind.DEALS, deals.headers(List.of("id", "title", "accountId", "account", "owner", "amount", "closeDate",
				"pipeline", "stage", "status", "source", "nextStep", "nextStepDate", "lostReason", "engagedOn", "createdAt", "closedAt",
				"stageEnteredAt", "forecastCategory", "forecastOverridden", "lastActivityAt", "lastReviewedAt")),
				crm.deals().stream().map(d -> deals.row(d.id(), row(ids.deal(d.id()), d.title(), ids.account(d.accountId()), accountNames.get(d.accountId()),
						names.person(d.ownerId()), d.amount(), d.closeDate(), names.pipelines.get(d.pipelineId()), names.stages.get(d.stageId()),
						d.status(), d.source(), d.nextStep(), d.nextStepDate(), d.lostReason(), d.engagedOn(), d.createdAt(), d.closedAt(),
						d.stageEnteredAt(), d.forecastCategory(), d.categoryOverridden(), d.lastActivityAt(), d.lastReviewedAt()))).toList());
		List<List<Object>> history = new ArrayList<>();
		crm.stageChanges().forEach(s -> history.add(row(ids.deal(s.dealId()), "stage",
				s.fromStageId() == null ? null : names.stages.get(s.fromStageId()), names.stages.get(s.toStageId()), s.at(), names.person(s.by()))));
		crm.fieldChanges().forEach(f -> history.add(row(ids.deal(f.dealId()), f.field(),
				f.field().equals("owner") ? userEmail(names.emails, f.oldValue()) : f.oldValue(),
				f.field().equals("owner") ? userEmail(names.emails, f.newValue()) : f.newValue(), f.at(), names.person(f.by()))));
		zip.entry(EntityKind.DEAL_HISTORY, List.of("dealId", "field", "oldValue", "newValue", "changedAt", "changedBy"), history);
		zip.entry(EntityKind.STAKEHOLDERS, List.of("dealId", "contactId", "role", "influence", "stance", "createdAt"),
				crm.stakeholders().stream().map(s -> row(ids.deal(s.dealId()), ids.contact(s.contactId()), s.role(), s.influence(), s.stance(),
						s.createdAt())).toList());
		Map<UUID, Stage> stageOfCriterion = new HashMap<>();
		Map<UUID, ExitCriterion> criteria = new HashMap<>();
		pipelines.forEach(p -> p.stages().forEach(s -> s.exitCriteria().forEach(c -> {
			stageOfCriterion.put(c.id(), s);
			criteria.put(c.id(), c);
		})));
		zip.entry(EntityKind.DEAL_CRITERIA, List.of("dealId", "stage", "criterion", "checkedAt", "checkedBy"), crm.criteria().stream()
			.map(c -> row(ids.deal(c.dealId()), stageOfCriterion.get(c.criterionId()).name(), criteria.get(c.criterionId()).label(),
					c.at(), names.person(c.by())))
			.toList());
		zip.entry(EntityKind.ACTIVITIES, List.of("id", "type", "subject", "channel", "direction", "notes", "outcome", "duration",
				"occurredAt", "dueAt", "done", "dealId", "accountId", "owner", "loggedBy", "joint", "contactIds", "participants", "createdAt"),
				crm.activities().stream().map(a -> row(ids.activity(a.id()), a.type(), a.subject(), a.channel(), a.direction(), a.notes(),
						a.outcome(), a.durationMinutes(), a.occurredAt(), a.dueAt(), a.done(), ids.deal(a.dealId()), ids.account(a.accountId()),
						names.person(a.ownerId()), names.person(a.loggedBy()), a.joint(), ids.contacts(a.contactIds()),
						join(a.participantIds(), names.emails), a.createdAt()))
					.toList());
		zip.entry(EntityKind.LEADS, leads.headers(List.of("id", "person", "company", "email", "phone", "source", "campaign", "score",
				"status", "disqualifiedReason", "team", "owner", "accountId", "contactId", "dealId", "createdAt")),
				crm.leads().stream().map(l -> leads.row(l.id(), row(ids.lead(l.id()), l.personName(), l.company(), l.email(), l.phone(), l.source(),
						l.campaign(), l.score(), l.status(), l.disqualifiedReason(), l.teamId() == null ? null : names.teams.get(l.teamId()),
						names.person(l.ownerId()), ids.account(l.accountId()), ids.contact(l.contactId()), ids.deal(l.dealId()),
						l.createdAt())))
					.toList());
	}

	private static void goals(ExportZip zip, GoalLoad.Batch batch, Names names) throws IOException {
		zip.entry(EntityKind.GOALS, List.of("id", "person", "team", "metric", "activityTypes", "product", "periodKind", "periodStart",
				"target", "agreedTarget", "status", "setByManager", "updatedAt", "updatedBy"), batch.goals().stream()
			.map(g -> row(g.id(), names.email(g.scope()), names.team(g.scope()), g.metric(),
					g.activityTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(";")),
					g.productId() == null ? null : names.products.get(g.productId()), g.period().kind(), g.period().start(),
					g.target(), g.agreedTarget(), g.status(), g.setByManager(), g.updatedAt(), g.updatedBy()))
			.toList());
		zip.entry(EntityKind.GOAL_PROPOSALS, List.of("goalId", "author", "kind", "target", "note", "createdAt"), batch.proposals().stream()
			.map(p -> row(p.goalId(), names.person(p.authorId()), p.kind(), p.target(), p.note(), p.at())).toList());
	}

	private static void forecasts(ExportZip zip, ForecastLoad.Batch batch, Set<UUID> deals, Names names, SourceIds ids)
			throws IOException {
		zip.entry(EntityKind.FORECASTS, List.of("id", "person", "team", "periodKind", "periodStart", "revision", "commit", "bestCase", "won",
				"openPipeline", "note", "submittedBy", "submittedAt"), batch.submissions().stream()
			.map(s -> row(s.id(), names.email(s.scope()), names.team(s.scope()), s.period().kind(), s.period().start(), s.revision(),
					s.commit(), s.bestCase(), s.won(), s.pipeline(), s.note(), names.person(s.submittedBy()), s.submittedAt()))
			.toList());
		zip.entry(EntityKind.FORECAST_ADJUSTMENTS, List.of("submissionId", "commit", "bestCase", "reason", "adjustedBy", "adjustedAt"),
				batch.adjustments().stream().map(a -> row(a.submissionId(), a.commit(), a.bestCase(), a.reason(), names.person(a.adjustedBy()),
						a.adjustedAt())).toList());
		zip.entry(EntityKind.SNAPSHOTS, List.of("id", "takenAt", "kind"), batch.snapshots().stream()
			.map(s -> row(s.id(), s.takenAt(), s.weekly() ? "WEEKLY" : "ON_DEMAND")).toList());
		zip.entry(EntityKind.SNAPSHOT_FORECASTS, List.of("snapshotId", "submissionId", "commit", "bestCase", "adjustedCommit",
				"adjustedBestCase"), batch.snapshotForecasts().stream().map(f -> row(f.snapshotId(), f.submissionId(), f.commit(), f.bestCase(),
						f.adjustedCommit(), f.adjustedBestCase())).toList());
		zip.entry(EntityKind.SNAPSHOT_DEALS, List.of("snapshotId", "dealId", "owner", "stage", "forecastCategory", "amount", "closeDate"),
				batch.snapshotDeals().stream().filter(d -> deals.contains(d.dealId())).map(d -> row(d.snapshotId(), ids.deal(d.dealId()),
						names.person(d.ownerId()), names.stages.get(d.stageId()), d.category(), d.amount(), d.closeDate())).toList());
	}

	private static @Nullable String userEmail(Map<UUID, String> emails, @Nullable String id) {
		return id == null ? null : emails.getOrDefault(UUID.fromString(id), id);
	}
}
