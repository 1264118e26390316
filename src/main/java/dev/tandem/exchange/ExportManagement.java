package dev.tandem.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.crm.BulkLoad;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Team;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.SpreadsheetCells;
import dev.tandem.playbook.PlaybookManagement;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The full organisation export: a ZIP with one CSV per kind (users with their memberships, teams,
 * accounts, contacts, deals, deal history, buying groups, activities, leads), whose columns are the
 * field names Tandem's import reads, so importing it into an empty organisation brings everything
 * back. People are named by e-mail, stages by name, records by their id. Text a spreadsheet would run
 * as a formula is neutralised. Lead routing logs and exit-criteria ticks are not exported.
 */
@Service
public class ExportManagement {

	private final UserManagement users;
	private final TeamManagement teams;
	private final PlaybookManagement playbook;
	private final BulkLoad bulk;

	ExportManagement(UserManagement users, TeamManagement teams, PlaybookManagement playbook, BulkLoad bulk) {
		this.users = users;
		this.teams = teams;
		this.playbook = playbook;
		this.bulk = bulk;
	}

	@Transactional(readOnly = true)
	public void export(CurrentUser admin, OutputStream out) throws IOException {
		ImportManagement.requireAdmin(admin);
		List<User> people = users.all(admin);
		Map<UUID, String> emails = people.stream().collect(Collectors.toMap(User::id, User::email));
		List<Team> teamList = teams.all(admin);
		Map<UUID, String> teamNames = teamList.stream().collect(Collectors.toMap(Team::id, Team::name));
		Map<UUID, String> stages = new HashMap<>();
		Map<UUID, String> pipelines = new HashMap<>();
		playbook.pipelines(admin.orgId()).forEach(p -> {
			pipelines.put(p.id(), p.name());
			p.stages().forEach(s -> stages.put(s.id(), s.name()));
		});
		BulkLoad.Batch crm = bulk.snapshot(admin.orgId());
		Map<UUID, String> accountNames = crm.accounts().stream().collect(Collectors.toMap(BulkLoad.AccountRow::id, BulkLoad.AccountRow::name));
		ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
		Map<UUID, List<Membership>> memberships = teams.allMemberships(admin).stream()
			.collect(Collectors.groupingBy(Membership::userId));
		List<List<Object>> userRows = new ArrayList<>();
		for (User u : people) {
			List<Membership> list = memberships.getOrDefault(u.id(), List.of());
			if (list.isEmpty()) {
				userRows.add(row(u.email(), u.displayName(), u.role(), u.locale(), u.active(), null, null, null));
			}
			list.forEach(m -> userRows.add(row(u.email(), u.displayName(), u.role(), u.locale(), u.active(), teamNames.get(m.teamId()),
					m.validFrom(), m.validTo())));
		}
		entry(zip, EntityKind.USERS, List.of("email", "name", "role", "language", "active", "team", "memberFrom", "memberUntil"), userRows);
		entry(zip, EntityKind.TEAMS, List.of("name", "kind", "parent", "leader"), teamList.stream()
			.map(t -> row(t.name(), t.kind(), t.parentId() == null ? null : teamNames.get(t.parentId()),
					t.leaderId() == null ? null : emails.get(t.leaderId())))
			.toList());
		entry(zip, EntityKind.ACCOUNTS, List.of("id", "name", "sector", "size", "country", "website", "owner", "createdAt"),
				crm.accounts().stream().map(a -> row(a.id(), a.name(), a.sector(), a.size(), a.country(), a.website(),
						emails.get(a.ownerId()), a.createdAt())).toList());
		entry(zip, EntityKind.CONTACTS, List.of("id", "accountId", "account", "name", "title", "email", "phone", "socialUrl", "createdAt"),
				crm.contacts().stream().map(c -> row(c.id(), c.accountId(), accountNames.get(c.accountId()), c.name(), c.title(),
						c.email(), c.phone(), c.socialUrl(), c.createdAt())).toList());
		entry(zip, EntityKind.DEALS, List.of("id", "title", "accountId", "account", "owner", "amount", "closeDate", "pipeline", "stage",
				"status", "source", "nextStep", "nextStepDate", "lostReason", "engagedOn", "createdAt", "closedAt", "stageEnteredAt",
				"forecastCategory", "forecastOverridden", "lastActivityAt", "lastReviewedAt"),
				crm.deals().stream().map(d -> row(d.id(), d.title(), d.accountId(), accountNames.get(d.accountId()), emails.get(d.ownerId()),
						d.amount() == null ? null : d.amount().toPlainString(), d.closeDate(), pipelines.get(d.pipelineId()),
						stages.get(d.stageId()), d.status(), d.source(), d.nextStep(), d.nextStepDate(), d.lostReason(), d.engagedOn(),
						d.createdAt(), d.closedAt(), d.stageEnteredAt(), d.forecastCategory(), d.categoryOverridden(), d.lastActivityAt(),
						d.lastReviewedAt())).toList());
		List<List<Object>> history = new ArrayList<>();
		crm.stageChanges().forEach(s -> history.add(row(s.dealId(), "stage", s.fromStageId() == null ? null : stages.get(s.fromStageId()),
				stages.get(s.toStageId()), s.at(), s.by() == null ? null : emails.get(s.by()))));
		crm.fieldChanges().forEach(f -> history.add(row(f.dealId(), f.field(),
				f.field().equals("owner") ? userEmail(emails, f.oldValue()) : f.oldValue(),
				f.field().equals("owner") ? userEmail(emails, f.newValue()) : f.newValue(), f.at(), f.by() == null ? null : emails.get(f.by()))));
		entry(zip, EntityKind.DEAL_HISTORY, List.of("dealId", "field", "oldValue", "newValue", "changedAt", "changedBy"), history);
		entry(zip, EntityKind.STAKEHOLDERS, List.of("dealId", "contactId", "role", "influence", "stance", "createdAt"),
				crm.stakeholders().stream().map(s -> row(s.dealId(), s.contactId(), s.role(), s.influence(), s.stance(), s.createdAt())).toList());
		entry(zip, EntityKind.ACTIVITIES, List.of("id", "type", "subject", "channel", "direction", "notes", "outcome", "duration",
				"occurredAt", "dueAt", "done", "dealId", "accountId", "owner", "loggedBy", "joint", "contactIds", "participants", "createdAt"),
				crm.activities().stream().map(a -> row(a.id(), a.type(), a.subject(), a.channel(), a.direction(), a.notes(), a.outcome(),
						a.durationMinutes(), a.occurredAt(), a.dueAt(), a.done(), a.dealId(), a.accountId(), emails.get(a.ownerId()),
						emails.get(a.loggedBy()), a.joint(), join(a.contactIds(), null), join(a.participantIds(), emails), a.createdAt()))
					.toList());
		entry(zip, EntityKind.LEADS, List.of("id", "person", "company", "email", "phone", "source", "campaign", "score", "status",
				"disqualifiedReason", "team", "owner", "accountId", "contactId", "dealId", "createdAt"),
				crm.leads().stream().map(l -> row(l.id(), l.personName(), l.company(), l.email(), l.phone(), l.source(), l.campaign(),
						l.score(), l.status(), l.disqualifiedReason(), l.teamId() == null ? null : teamNames.get(l.teamId()),
						l.ownerId() == null ? null : emails.get(l.ownerId()), l.accountId(), l.contactId(), l.dealId(), l.createdAt()))
					.toList());
		zip.finish();
	}

	private static @Nullable String userEmail(Map<UUID, String> emails, @Nullable String id) {
		return id == null ? null : emails.getOrDefault(UUID.fromString(id), id);
	}

	private static String join(List<UUID> ids, @Nullable Map<UUID, String> names) {
		return ids.stream().map(id -> names == null ? id.toString() : names.get(id)).collect(Collectors.joining(";"));
	}

	private static List<Object> row(@Nullable Object... values) {
		List<Object> row = new ArrayList<>(values.length);
		for (Object value : values) {
			row.add(value == null ? "" : value instanceof String text ? SpreadsheetCells.neutralise(text) : value.toString());
		}
		return row;
	}

	private static void entry(ZipOutputStream zip, EntityKind kind, List<String> header, List<List<Object>> rows) throws IOException {
		zip.putNextEntry(new ZipEntry(kind.fileName() + ".csv"));
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
		for (List<Object> row : rows) {
			printer.printRecord(row);
		}
		printer.flush();
		zip.closeEntry();
	}
}
