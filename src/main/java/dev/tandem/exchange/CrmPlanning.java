package dev.tandem.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoadRows.AccountRow;
import dev.tandem.crm.BulkLoadRows.ContactRow;
import dev.tandem.crm.BulkLoadRows.LeadRow;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.LeadStatus;
import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;
import static dev.tandem.exchange.PlanContext.key;

/**
 * Reads rows of accounts, contacts and leads into CRM records: references resolved, values checked,
 * duplicates (same source id, or same name) skipped or updated as the user chose.
 */
final class CrmPlanning {

	static final Set<String> SIZES = Set.of("1-10", "11-50", "51-200", "201-1000", "1000+");
	private static final String EMAIL = "[^@\\s]+@[^@\\s]+\\.[^@\\s]+";

	private final PlanContext ctx;
	private final Set<String> seen = new HashSet<>();

	CrmPlanning(PlanContext ctx) {
		this.ctx = ctx;
	}

	/** Whether an earlier row of the file had the same key; such a row is reported, not written twice. */
	boolean seenBefore(Row row, String field, String duplicateKey) {
		if (!seen.add(duplicateKey)) {
			ctx.problem(row, field, "exchange.rule.duplicate-in-file");
			return true;
		}
		return false;
	}

	/**
	 * Whether a record that stays as it is once there (a goal, a forecast submission) stands on an earlier row of the
	 * file, by the source's id or else its natural key (reported), or is in the organisation already, by an earlier
	 * import's link or its natural key {@code known} (linked to the source's id and counted as skipped).
	 */
	boolean there(Row row, EntityKind kind, String keyField, String ext, String key, @Nullable UUID known) {
		if (seenBefore(row, ext.isEmpty() ? keyField : "id", kind + (ext.isEmpty() ? ":" + key : "-id:" + ext))) {
			return true;
		}
		UUID existing = ext.isEmpty() ? known : ctx.external(row, "id", kind, ext).orElse(known);
		if (existing == null) {
			return false;
		}
		ctx.link(kind, ext, existing, false);
		ctx.count(kind, SKIPPED);
		return true;
	}

	boolean required(Row row, String field, String value) {
		if (value.isEmpty()) {
			ctx.problem(row, field, "exchange.rule.required");
			return false;
		}
		return true;
	}

	void account(Row row) {
		String name = row.get("name");
		String ext = row.get("id");
		required(row, "name", name);
		UUID owner = row.get("owner").isEmpty() ? ctx.admin.id() : ctx.owner(row.get("owner"));
		String sector = row.get("sector").isEmpty() ? null : ctx.sector(row.get("sector"));
		String size = size(row);
		Instant createdAt = ctx.instant(row, "createdAt");
		if (row.failed || owner == null || name.isEmpty()) {
			return;
		}
		if (seenBefore(row, ext.isEmpty() ? "name" : "id", ext.isEmpty() ? "name:" + key(name) : "id:" + ext)) {
			return;
		}
		UUID existing = ext.isEmpty() ? ctx.known.accountsByName.get(key(name))
				: ctx.external(row, "id", EntityKind.ACCOUNTS, ext).orElse(null);
		if (existing == null && ctx.known.accountsByName.containsKey(key(name)) && !ext.isEmpty()) {
			existing = ctx.known.accountsByName.get(key(name));
		}
		UUID known = existing;
		ctx.upsert(EntityKind.ACCOUNTS, ext, known, ctx.known.row(known, AccountRow.class),
				before -> ctx.writes.updates.accounts.add(new AccountRow(known, name, sector == null ? before.sector() : sector,
						size == null ? before.size() : size, or(row.get("country"), before.country()),
						or(row.get("website"), before.website()), row.get("owner").isEmpty() ? before.ownerId() : owner,
						before.createdAt())),
				id -> {
					ctx.writes.creates.accounts.add(new AccountRow(id, name, sector, size, blank(row.get("country")), blank(row.get("website")),
							owner, createdAt == null ? ctx.now : createdAt));
					ctx.known.accountsByName.putIfAbsent(key(name), id);
				});
	}

	private @Nullable String size(Row row) {
		String text = row.get("size");
		if (text.isEmpty()) {
			return null;
		}
		if (SIZES.contains(text)) {
			return text;
		}
		Integer employees = ValueParsers.integer(text.replace(",", "").replace(".", ""));
		if (employees == null || employees < 0) {
			ctx.problem(row, "size", "exchange.rule.size");
			return null;
		}
		return employees <= 10 ? "1-10" : employees <= 50 ? "11-50" : employees <= 200 ? "51-200" : employees <= 1000 ? "201-1000" : "1000+";
	}

	/**
	 * The account a row refers to: by the source's account id, else by name (the organisation's, or
	 * one this import adds; an unknown name becomes a new account of {@code ownerForNew}).
	 */
	@Nullable UUID accountOf(Row row, UUID ownerForNew, boolean required) {
		String ext = row.get("accountId");
		if (!ext.isEmpty()) {
			UUID id = ctx.external(row, "accountId", EntityKind.ACCOUNTS, ext).orElse(null);
			if (id == null) {
				ctx.problem(row, "accountId", "exchange.rule.reference");
			}
			return id;
		}
		String name = row.get("account");
		if (name.isEmpty()) {
			if (required) {
				ctx.problem(row, "account", "exchange.rule.required");
			}
			return null;
		}
		return accountNamed(row, name, ownerForNew);
	}

	/** The account of that name, made when the organisation has none (unless the row failed already). */
	@Nullable UUID accountNamed(Row row, String name, UUID ownerForNew) {
		UUID id = ctx.known.accountsByName.get(key(name));
		if (id == null && !row.failed) {
			id = Ids.next();
			ctx.writes.creates.accounts.add(new AccountRow(id, name, null, null, null, null, ownerForNew, ctx.now));
			ctx.known.accountsByName.put(key(name), id);
			ctx.createdNamed("account", id, name);
			ctx.count(EntityKind.ACCOUNTS, CREATED);
		}
		else if (!row.failed) {
			ctx.referred(id);
		}
		return id;
	}

	void contact(Row row) {
		String name = row.name("name", "firstName", "lastName");
		String ext = row.get("id");
		required(row, "name", name);
		String email = row.get("email");
		if (!email.isEmpty() && !email.matches(EMAIL)) {
			ctx.problem(row, "email", "exchange.rule.email");
		}
		Instant createdAt = ctx.instant(row, "createdAt");
		if (row.failed) {
			return;
		}
		UUID accountId = accountOf(row, ctx.admin.id(), true);
		if (row.failed || accountId == null) {
			return;
		}
		if (seenBefore(row, ext.isEmpty() ? "name" : "id", ext.isEmpty() ? accountId + "|" + key(name) : "id:" + ext)) {
			return;
		}
		UUID existing = ext.isEmpty() ? ctx.known.contactsByKey.get(accountId + "|" + key(name))
				: ctx.external(row, "id", EntityKind.CONTACTS, ext).orElse(null);
		ctx.upsert(EntityKind.CONTACTS, ext, existing, ctx.known.row(existing, ContactRow.class),
				before -> ctx.writes.updates.contacts.add(new ContactRow(existing, accountId, name, or(row.get("title"), before.title()),
						or(email, before.email()), or(row.get("phone"), before.phone()), or(row.get("socialUrl"), before.socialUrl()),
						before.createdAt())),
				id -> {
					ctx.writes.creates.contacts.add(new ContactRow(id, accountId, name, blank(row.get("title")), blank(email),
							blank(row.get("phone")), blank(row.get("socialUrl")), createdAt == null ? ctx.now : createdAt));
					ctx.known.contactsByKey.put(accountId + "|" + key(name), id);
				});
	}

	void lead(Row row) {
		String person = row.name("person", "firstName", "lastName");
		String ext = row.get("id");
		required(row, "person", person);
		String company = row.get("company");
		required(row, "company", company);
		String email = row.get("email");
		if (!email.isEmpty() && !email.matches(EMAIL)) {
			ctx.problem(row, "email", "exchange.rule.email");
		}
		DealSource source = row.get("source").isEmpty() ? DealSource.INBOUND
				: enumOf(DealSource.class, ctx.word("source", row.get("source"), names(DealSource.values())));
		LeadStatus status = row.get("status").isEmpty() ? LeadStatus.NEW
				: enumOf(LeadStatus.class, ctx.word("leadStatus", row.get("status"), names(LeadStatus.values())));
		Integer score = row.get("score").isEmpty() ? Integer.valueOf(0) : ValueParsers.integer(row.get("score"));
		if (score == null || score < 0 || score > 100) {
			ctx.problem(row, "score", "exchange.rule.range", 0, 100);
		}
		UUID team = null;
		if (!row.get("team").isEmpty()) {
			team = ctx.known.teamsByName.get(key(row.get("team")));
			if (team == null) {
				ctx.problem(row, "team", "exchange.rule.reference");
			}
		}
		UUID owner = row.get("owner").isEmpty() ? null : ctx.owner(row.get("owner"));
		UUID account = reference(row, "accountId", EntityKind.ACCOUNTS);
		UUID contact = reference(row, "contactId", EntityKind.CONTACTS);
		UUID deal = reference(row, "dealId", EntityKind.DEALS);
		Instant createdAt = ctx.instant(row, "createdAt");
		if (row.failed || source == null || status == null || score == null || (!row.get("owner").isEmpty() && owner == null)) {
			return;
		}
		String reason = status == LeadStatus.DISQUALIFIED ? or(row.get("disqualifiedReason"), row.get("status")) : blank(row.get("disqualifiedReason"));
		if (seenBefore(row, ext.isEmpty() ? "email" : "id", ext.isEmpty() ? "lead:" + (email.isEmpty() ? key(person + "|" + company) : key(email)) : "id:" + ext)) {
			return;
		}
		UUID existing = !ext.isEmpty() ? ctx.external(row, "id", EntityKind.LEADS, ext).orElse(null)
				: email.isEmpty() ? null : ctx.known.leadsByEmail.get(key(email));
		Instant when = createdAt == null ? ctx.now : createdAt;
		UUID leadTeam = team;
		ctx.upsert(EntityKind.LEADS, ext, existing, ctx.known.row(existing, LeadRow.class),
				before -> ctx.writes.updates.leads.add(new LeadRow(existing, person, company, or(email, before.email()),
						or(row.get("phone"), before.phone()), source, or(row.get("campaign"), before.campaign()), score, status, reason,
						before.teamId(), owner == null ? before.ownerId() : owner, before.accountId(), before.contactId(), before.dealId(),
						before.createdAt(), ctx.now, qualifiedAt(status, before.qualifiedAt(), ctx.now),
						status == LeadStatus.CONVERTED ? (before.convertedAt() != null ? before.convertedAt() : ctx.now) : before.convertedAt())),
				id -> {
					ctx.writes.creates.leads.add(new LeadRow(id, person, company, blank(email), blank(row.get("phone")), source,
							blank(row.get("campaign")), score, status, reason, leadTeam, owner, account, contact, deal, when, when,
							qualifiedAt(status, null, when), status == LeadStatus.CONVERTED ? when : null));
					if (!email.isEmpty()) {
						ctx.known.leadsByEmail.put(key(email), id);
					}
				});
	}

	/** A record the row names by the source's id, e.g. {@code dealId}; empty is none, unknown is a problem. */
	@Nullable UUID reference(Row row, String field, EntityKind kind) {
		String ext = row.get(field);
		if (ext.isEmpty()) {
			return null;
		}
		UUID id = ctx.external(row, field, kind, ext).orElse(null);
		if (id == null) {
			ctx.problem(row, field, "exchange.rule.reference");
		}
		return id;
	}

	static @Nullable String blank(String value) {
		return value.isBlank() ? null : value;
	}

	static @Nullable String or(String value, @Nullable String fallback) {
		return value.isBlank() ? fallback : value;
	}

	static java.util.List<String> names(Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(Enum::name).toList();
	}

	static <E extends Enum<E>> @Nullable E enumOf(Class<E> type, @Nullable String name) {
		return name == null ? null : Enum.valueOf(type, name);
	}

	static LocalDate dayOf(Instant instant, java.time.ZoneId zone) {
		return instant.atZone(zone).toLocalDate();
	}

	/** When a lead counts as qualified: kept if it was, else now for a qualified or converted one. */
	private static @Nullable Instant qualifiedAt(LeadStatus status, @Nullable Instant before, Instant when) {
		if (before != null) {
			return before;
		}
		return status == LeadStatus.QUALIFIED || status == LeadStatus.CONVERTED ? when : null;
	}
}
