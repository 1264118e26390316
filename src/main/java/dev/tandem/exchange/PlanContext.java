package dev.tandem.exchange;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.exchange.ImportReport.Count;
import dev.tandem.exchange.ImportReport.RowProblem;
import dev.tandem.exchange.ImportReport.Unmatched;
import dev.tandem.exchange.ImportSettings.DateOrder;
import dev.tandem.exchange.ImportSettings.DecimalMark;
import dev.tandem.exchange.Plan.Before;
import dev.tandem.exchange.Plan.Link;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.goals.GoalLoad;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.Team;
import dev.tandem.people.User;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * The state of planning one import: what the organisation has already (people, teams, stages,
 * accounts, deals, the source ids of earlier imports), what the import will add (with ids chosen now,
 * so later rows can refer to it), and what the report collects (problems, counts, unmatched values).
 */
final class PlanContext {

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	final CurrentUser admin;
	final ImportSettings settings;
	final ZoneId zone;
	final int fiscalStartMonth;
	final LocalDate today;
	final Instant now;
	DateOrder dateOrder = DateOrder.AUTO;
	DecimalMark decimalMark = DecimalMark.AUTO;

	/** What the organisation has, plus what this import adds to it as it goes. */
	final Known known = new Known();
	/** What the report says. */
	final Findings findings = new Findings();
	/** What a run writes. */
	final Writes writes = new Writes();
	/** The columns kept as custom fields, and what the run keeps in them. */
	CustomColumns custom = new CustomColumns(List.of());
	/** The row being read and the kind of its table, whose custom values go to the record it creates or updates. */
	@Nullable Row current;
	@Nullable EntityKind currentKind;

	PlanContext(CurrentUser admin, ImportSettings settings, Organisation organisation, LocalDate today, Instant now, List<User> users,
			List<Team> teams, List<Pipeline> pipelines, BulkLoad.Batch existing, Map<EntityKind, Map<String, UUID>> links,
			Map<UUID, Boolean> binned) {
		this.admin = admin;
		this.settings = settings;
		this.zone = organisation.timeZone();
		this.fiscalStartMonth = organisation.fiscalYearStartMonth();
		this.today = today;
		this.now = now;
		known.pipelines = pipelines;
		known.defaultPipeline = pipelines.stream().filter(Pipeline::isDefault).findFirst().orElse(pipelines.get(0));
		users.forEach(u -> {
			known.addUser(u.id(), u.email(), u.displayName());
			if (!u.active()) {
				known.inactiveUsers.add(u.id());
			}
		});
		teams.forEach(t -> known.teamsByName.put(key(t.name()), t.id()));
		existing.accounts().forEach(a -> {
			known.accountsByName.putIfAbsent(key(a.name()), a.id());
			known.existingRows.put(a.id(), a);
			if (a.sector() != null) {
				known.sectors.putIfAbsent(key(a.sector()), a.sector());
			}
		});
		existing.contacts().forEach(c -> {
			known.contactsByKey.putIfAbsent(c.accountId() + "|" + key(c.name()), c.id());
			known.existingRows.put(c.id(), c);
		});
		existing.deals().forEach(known::addDeal);
		existing.leads().forEach(l -> {
			if (l.email() != null) {
				known.leadsByEmail.putIfAbsent(key(l.email()), l.id());
			}
			known.existingRows.put(l.id(), l);
		});
		existing.activities().forEach(a -> known.existingRows.put(a.id(), a));
		// A link to a record that is gone for good (purged from the recycle bin) is forgotten: the row makes a new one.
		links.forEach((kind, ids) -> {
			Map<String, UUID> kept = new HashMap<>();
			ids.forEach((externalId, recordId) -> {
				if (!BINNABLE.contains(kind) || binned.containsKey(recordId)) {
					kept.put(externalId, recordId);
				}
				else {
					known.forgotten.add(kind + "|" + externalId);
				}
			});
			known.externalIds.put(kind, kept);
		});
		binned.forEach((id, isBinned) -> {
			if (isBinned) {
				known.inRecycleBin.add(id);
			}
		});
	}

	/** The kinds whose records go into the recycle bin when deleted. */
	static final Set<EntityKind> BINNABLE = EnumSet.of(EntityKind.ACCOUNTS, EntityKind.CONTACTS, EntityKind.DEALS, EntityKind.ACTIVITIES,
			EntityKind.LEADS);

	static String key(String text) {
		return WHITESPACE.matcher(text.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
	}


	// Report

	void problem(Row row, @Nullable String field, String rule, Object... arguments) {
		findings.problemsTotal++;
		if (findings.problems.size() < ImportReport.MAX_PROBLEMS) {
			String column = field == null ? null : row.column(field);
			findings.problems.add(new RowProblem(row.sheet(), row.line(), column, field == null ? null : row.raw(field), rule,
					java.util.Arrays.stream(arguments).map(String::valueOf).toList()));
		}
		row.failed = true;
	}

	void unmatched(String category, String value) {
		findings.unmatched.computeIfAbsent(category, c -> new LinkedHashMap<>()).merge(value.trim(), 1, Integer::sum);
	}

	void created(String category, String value) {
		findings.created.computeIfAbsent(category, c -> new LinkedHashMap<>()).merge(value.trim(), 1, Integer::sum);
	}

	/** A record this import creates for a name that rows refer to: the report shows the name with the rows it stands on. */
	void createdNamed(String category, UUID id, String name) {
		known.newByName.put(id, category + "|" + name.trim());
		created(category, name);
	}

	/** One more row refers to {@code id}; when the import creates it, the row counts for its new value. */
	void referred(@Nullable UUID id) {
		String value = id == null ? null : known.newByName.get(id);
		if (value != null) {
			int bar = value.indexOf('|');
			created(value.substring(0, bar), value.substring(bar + 1));
		}
	}

	/** A note on what the run does beyond its counts, on {@code rows} more rows or records. */
	void note(String category, String value, int rows) {
		findings.notes.computeIfAbsent(category, c -> new LinkedHashMap<>()).merge(value, rows, Integer::sum);
	}

	void count(EntityKind kind, int slot) {
		findings.counts.computeIfAbsent(kind, k -> new int[3])[slot]++;
	}

	static final int CREATED = 0;
	static final int UPDATED = 1;
	static final int SKIPPED = 2;

	ImportReport report() {
		List<Count> countList = findings.counts.entrySet().stream()
			.map(e -> new Count(e.getKey(), e.getValue()[CREATED], e.getValue()[UPDATED], e.getValue()[SKIPPED])).toList();
		return new ImportReport(findings.rows, countList, List.copyOf(findings.problems), findings.problemsTotal, flatten(findings.unmatched), flatten(findings.created),
				List.copyOf(findings.decisions), List.of(), flatten(findings.notes));
	}

	private static List<Unmatched> flatten(Map<String, Map<String, Integer>> values) {
		List<Unmatched> list = new ArrayList<>();
		values.forEach((category, byValue) -> byValue.forEach((value, n) -> list.add(new Unmatched(category, value, n))));
		return list;
	}

	// References

	/**
	 * The record an earlier import or an earlier row linked to the source's id, else the organisation's own record of
	 * that kind whose Tandem id it is (a full export names records made in Tandem so). One in the recycle bin is a
	 * problem of the row's {@code field}: it is neither updated nor made again beside itself; restored, it is matched again.
	 */
	Optional<UUID> external(Row row, String field, EntityKind kind, String externalId) {
		UUID id = known.externalIds.getOrDefault(kind, Map.of()).get(externalId.trim());
		if (id == null) {
			id = known.own(kind, externalId.trim());
		}
		if (id != null && known.inRecycleBin.contains(id)) {
			problem(row, field, "exchange.rule.in-recycle-bin");
		}
		return Optional.ofNullable(id);
	}

	void link(EntityKind kind, String externalId, UUID recordId, boolean isNew) {
		if (externalId.isBlank()) {
			return;
		}
		Map<String, UUID> ids = known.externalIds.computeIfAbsent(kind, k -> new HashMap<>());
		if (!ids.containsKey(externalId.trim())) {
			ids.put(externalId.trim(), recordId);
			writes.links.add(new Link(kind, externalId.trim(), recordId, known.forgotten.contains(kind + "|" + externalId.trim())));
		}
	}

	/**
	 * The one step every kind of record takes, once a row is read and its record looked for: a row that names an
	 * existing record ({@code existing}) links the source's id to it, then updates it when the import updates
	 * duplicates and the record is known as it stands ({@code before}, kept so an undo can put it back), or skips it;
	 * a row that names none creates a new record under a new id. Counts what it did. Answers the new record's id, or
	 * null when the row went to an existing record.
	 */
	<R> @Nullable UUID upsert(EntityKind kind, String externalId, @Nullable UUID existing, @Nullable R before,
			java.util.function.Consumer<R> update, java.util.function.Consumer<UUID> create) {
		if (existing != null) {
			link(kind, externalId, existing, false);
			if (settings.duplicates() == ImportSettings.Duplicates.UPDATE && before != null) {
				update.accept(before);
				writes.befores.add(new Before(kind, existing, before));
				count(kind, UPDATED);
				customValues(kind, existing);
			}
			else {
				count(kind, SKIPPED);
			}
			return null;
		}
		UUID id = Ids.next();
		create.accept(id);
		link(kind, externalId, id, true);
		count(kind, CREATED);
		customValues(kind, id);
		return id;
	}

	/** The custom values of the row being read, for its own record (not one it makes on the way, such as a deal's account). */
	private void customValues(EntityKind kind, UUID recordId) {
		if (current != null && kind == currentKind) {
			custom.read(this, current, kind, recordId);
		}
	}

	/**
	 * The user a value names: an e-mail address or a full name, as the organisation has them or as the
	 * import adds them, or as the user mapped it. {@code null} when nothing matches: the value is then
	 * listed as unmatched (or, when the user chose so, a user is created for an e-mail address).
	 */
	@Nullable UUID owner(String value) {
		String chosen = settings.valueFor("owner", value.trim());
		if (chosen != null && !chosen.isBlank()) {
			if (chosen.equals("create") && value.contains("@")) {
				UUID id = known.usersByEmail.get(key(value));
				if (id == null) {
					id = Ids.next();
					String email = value.trim().toLowerCase(Locale.ROOT);
					writes.newUsers.add(new Plan.UserToCreate(id, new dev.tandem.people.NewUser(email, nameFromEmail(email),
							dev.tandem.people.Role.REP, null, null, List.of())));
					known.addUser(id, email, nameFromEmail(email));
					created("owner", email);
					count(EntityKind.USERS, CREATED);
				}
				return id;
			}
			try {
				UUID id = UUID.fromString(chosen);
				if (known.emailsById.containsKey(id)) {
					return id;
				}
			}
			catch (IllegalArgumentException ex) {
				// not a user id: treated as unmapped below
			}
		}
		UUID byEmail = known.usersByEmail.get(key(value));
		if (byEmail != null) {
			return byEmail;
		}
		UUID byName = known.usersByName.get(key(value));
		if (byName != null) {
			return byName;
		}
		unmatched("owner", value);
		return null;
	}

	static String nameFromEmail(String email) {
		String local = email.substring(0, email.indexOf('@'));
		StringBuilder name = new StringBuilder();
		for (String part : local.split("[._-]+")) {
			if (!part.isEmpty()) {
				name.append(name.isEmpty() ? "" : " ").append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
			}
		}
		return name.isEmpty() ? email : name.toString();
	}

	/** The stage a source stage name means in the pipeline, or {@code null} when it is findings.unmatched. */
	@Nullable Stage stage(Pipeline pipeline, String value) {
		String chosen = settings.valueFor("stage", value.trim());
		if (chosen != null && !chosen.isBlank()) {
			if (chosen.equals("create")) {
				Optional<Stage> pending = known.pendingStages.values().stream()
					.filter(s -> s.pipelineId().equals(pipeline.id()) && key(s.name()).equals(key(value))).findFirst();
				if (pending.isPresent()) {
					return pending.get();
				}
				Stage stage = new Stage(Ids.next(), pipeline.id(), value.trim(), 99, StageKind.OPEN, 50,
						dev.tandem.playbook.ForecastCategory.PIPELINE, dev.tandem.playbook.GateMode.WARN, "", 0, false, List.of(),
						List.of(), 0);
				known.pendingStages.put(stage.id(), stage);
				writes.newStages.add(new Plan.StageToCreate(stage.id(), pipeline.id(), stage.name()));
				created("stage", value);
				return stage;
			}
			for (Pipeline p : known.pipelines) {
				Optional<Stage> mapped = p.stages().stream().filter(s -> s.id().toString().equals(chosen)).findFirst();
				if (mapped.isPresent()) {
					return mapped.get();
				}
			}
		}
		Optional<Stage> byName = pipeline.stages().stream().filter(s -> key(s.name()).equals(key(value))).findFirst();
		if (byName.isPresent()) {
			return byName.get();
		}
		String kind = Vocabulary.lookup("stageKind", value);
		if (kind != null) {
			return pipeline.stages().stream().filter(s -> s.kind().name().equals(kind)).findFirst().orElse(null);
		}
		unmatched("stage", value);
		return null;
	}

	/**
	 * The spelling of a product name without case, spaces or punctuation: {@code GTX Pro}, {@code GTXPro} and
	 * {@code gtx-pro} are one product.
	 */
	static String productKey(String text) {
		return text.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
	}

	/**
	 * The product a source product name means: the catalogue's product of that name or code (spelled alike, see
	 * {@link #productKey}), else what the user mapped the name to: a product's id, or {@code create} for a new one
	 * without prices. Names spelled alike form one unmatched value, shown in the first spelling the file has, and
	 * the mapping of that value is the mapping of all of them, so they make one product. {@code null} while unmapped.
	 */
	@Nullable UUID product(String value) {
		String key = productKey(value);
		if (key.isEmpty()) {
			return null;
		}
		UUID existing = known.productsByKey.get(key);
		if (existing != null) {
			return existing;
		}
		String shown = known.productSpellings.computeIfAbsent(key, k -> value.trim());
		String chosen = settings.valueFor("product", shown);
		if (chosen == null || chosen.isBlank()) {
			chosen = settings.valueFor("product", value.trim());
		}
		if ("create".equals(chosen)) {
			UUID id = Ids.next();
			writes.newProducts.add(new BulkLoadRows.ProductRow(id, shown, null, true, Map.of(), now));
			count(EntityKind.PRODUCTS, CREATED);
			known.productsByKey.put(key, id);
			created("product", shown);
			return id;
		}
		if (chosen != null && !chosen.isBlank()) {
			try {
				UUID id = UUID.fromString(chosen);
				if (known.productIds.contains(id)) {
					return id;
				}
			}
			catch (IllegalArgumentException notAnId) {
				// not a product id: unmatched below
			}
		}
		unmatched("product", shown);
		return null;
	}

	/** A fixed Tandem value (enum name) for a source word: mapped by the user, known to the vocabulary, or findings.unmatched. */
	@Nullable String word(String category, String value, List<String> allowed) {
		String chosen = settings.valueFor(category, value.trim());
		if (chosen != null && allowed.contains(chosen)) {
			return chosen;
		}
		String upper = value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		if (allowed.contains(upper)) {
			return upper;
		}
		String known = Vocabulary.lookup(category, value);
		if (known != null && allowed.contains(known)) {
			return known;
		}
		unmatched(category, value);
		return null;
	}

	/** The organisation's spelling of a sector, the user's choice, or the source's spelling as a new sector. */
	String sector(String value) {
		String chosen = settings.valueFor("sector", value.trim());
		if (chosen != null && !chosen.isBlank()) {
			return chosen;
		}
		String spelled = known.sectors.get(key(value));
		if (spelled != null) {
			return spelled;
		}
		known.sectors.put(key(value), value.trim());
		created("sector", value);
		return value.trim();
	}

	@Nullable Stage stageById(UUID id) {
		Stage pending = known.pendingStages.get(id);
		if (pending != null) {
			return pending;
		}
		return known.pipelines.stream().flatMap(p -> p.stages().stream()).filter(s -> s.id().equals(id)).findFirst().orElse(null);
	}

	@Nullable BigDecimal amount(Row row, String field) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return null;
		}
		BigDecimal amount = ValueParsers.amount(text, decimalMark);
		if (amount == null) {
			problem(row, field, "exchange.rule.amount");
		}
		else if (amount.signum() < 0) {
			problem(row, field, "exchange.rule.not-negative");
			return null;
		}
		return amount;
	}

	@Nullable LocalDate date(Row row, String field) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return null;
		}
		LocalDate date = ValueParsers.date(text, dateOrder);
		if (date == null) {
			problem(row, field, "exchange.rule.date");
		}
		return date;
	}

	@Nullable Instant instant(Row row, String field) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return null;
		}
		Instant instant = ValueParsers.instant(text, dateOrder, zone);
		if (instant == null) {
			problem(row, field, "exchange.rule.date");
		}
		return instant;
	}

	/** A whole number from {@code min} to {@code max}; {@code fallback} when the cell is empty. */
	@Nullable Integer integer(Row row, String field, int min, int max, @Nullable Integer fallback) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return fallback;
		}
		Integer value = ValueParsers.integer(text);
		if (value == null || value < min || value > max) {
			problem(row, field, "exchange.rule.range", min, max);
			return null;
		}
		return value;
	}

	/** Yes or no; {@code fallback} when the cell is empty. */
	@Nullable Boolean yesNo(Row row, String field, boolean fallback) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return fallback;
		}
		Boolean value = ValueParsers.yesNo(text);
		if (value == null) {
			problem(row, field, "exchange.rule.yes-no");
		}
		return value;
	}

	/** One of Tandem's fixed values by its name, in any case; {@code fallback} when the cell is empty. */
	<E extends Enum<E>> @Nullable E choice(Row row, String field, Class<E> type, @Nullable E fallback) {
		String text = row.get(field);
		if (text.isEmpty()) {
			return fallback;
		}
		String name = text.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(name)) {
				return value;
			}
		}
		problem(row, field, "exchange.rule.one-of", String.join(", ", CrmPlanning.names(type.getEnumConstants())));
		return null;
	}

	/** A required amount of money or a count: there, readable, not negative, and more than zero where it must be. */
	@Nullable BigDecimal requiredAmount(Row row, String field, boolean positive) {
		if (row.get(field).isEmpty()) {
			problem(row, field, "exchange.rule.required");
			return null;
		}
		BigDecimal amount = amount(row, field);
		if (amount != null && positive && amount.signum() == 0) {
			problem(row, field, "exchange.rule.positive");
			return null;
		}
		return amount;
	}

	/** The period a row names by its kind and first day, which must start a period of the organisation's calendar. */
	@Nullable Period period(Row row) {
		Period.Kind kind = choice(row, "periodKind", Period.Kind.class, null);
		LocalDate start = date(row, "periodStart");
		if (row.get("periodKind").isEmpty()) {
			problem(row, "periodKind", "exchange.rule.required");
		}
		if (row.get("periodStart").isEmpty()) {
			problem(row, "periodStart", "exchange.rule.required");
		}
		if (kind == null || start == null) {
			return null;
		}
		Period period = Period.containing(start, kind, fiscalStartMonth);
		if (!period.start().equals(start)) {
			problem(row, "periodStart", "exchange.rule.period-start", fiscalStartMonth);
			return null;
		}
		return period;
	}

	/** Whom a goal or a forecast is about: a person by e-mail or name, or a team by name, exactly one of them. */
	@Nullable Scope scope(Row row) {
		String person = row.get("person");
		String team = row.get("team");
		if (person.isEmpty() == team.isEmpty()) {
			problem(row, "person", "exchange.rule.person-or-team");
			return null;
		}
		if (!person.isEmpty()) {
			UUID id = owner(person);
			if (id == null) {
				row.failed = true;
			}
			return id == null ? null : Scope.user(id);
		}
		UUID id = known.teamsByName.get(key(team));
		if (id == null) {
			problem(row, "team", "exchange.rule.reference");
			return null;
		}
		return Scope.team(id);
	}

	/** The findings.rows a run writes into the CRM, collected per table. */
	static final class Rows {
		final List<BulkLoadRows.AccountRow> accounts = new ArrayList<>();
		final List<BulkLoadRows.ContactRow> contacts = new ArrayList<>();
		final List<BulkLoadRows.DealRow> deals = new ArrayList<>();
		final List<BulkLoadRows.StageChangeRow> stageChanges = new ArrayList<>();
		final List<BulkLoadRows.FieldChangeRow> fieldChanges = new ArrayList<>();
		final List<BulkLoadRows.StakeholderRow> stakeholders = new ArrayList<>();
		final List<BulkLoadRows.CriterionRow> criteria = new ArrayList<>();
		final List<BulkLoadRows.ActivityRow> activities = new ArrayList<>();
		final List<BulkLoadRows.LeadRow> leads = new ArrayList<>();

		BulkLoad.Batch batch(String actor) {
			return new BulkLoad.Batch(actor, accounts, contacts, deals, stageChanges, fieldChanges, criteria, stakeholders,
					activities, leads, List.of(), List.of());
		}
	}

	/** The forecast history a run writes, collected per table. */
	static final class ForecastRows {
		final List<ForecastLoad.SubmissionRow> submissions = new ArrayList<>();
		final List<ForecastLoad.AdjustmentRow> adjustments = new ArrayList<>();
		final List<ForecastLoad.SnapshotRow> snapshots = new ArrayList<>();
		final List<ForecastLoad.SnapshotForecastRow> snapshotForecasts = new ArrayList<>();
		final List<ForecastLoad.SnapshotDealRow> snapshotDeals = new ArrayList<>();

		ForecastLoad.Batch batch() {
			return new ForecastLoad.Batch(submissions, adjustments, snapshots, snapshotForecasts, snapshotDeals);
		}
	}

	/** What the organisation has: people, teams, the playbook as it will be, records and the source ids of earlier imports. */
	static final class Known {

		/** The record as it stands before the import, if it is one of this type. */
		<R> @Nullable R row(@Nullable UUID id, Class<R> type) {
			Object row = id == null ? null : existingRows.get(id);
			return type.isInstance(row) ? type.cast(row) : null;
		}

	final Map<String, UUID> usersByEmail = new HashMap<>();
	final Map<String, UUID> usersByName = new HashMap<>();
	final Map<UUID, String> emailsById = new HashMap<>();
	final Set<UUID> inactiveUsers = new HashSet<>();
	// Records this import creates that rows refer to by name (accounts, teams), with the name the report shows.
	final Map<UUID, String> newByName = new HashMap<>();
	final Map<String, UUID> teamsByName = new HashMap<>();
	// The playbook as it will be once the import's pipelines are written.
	List<Pipeline> pipelines = List.of();
	Pipeline defaultPipeline;
	final Map<UUID, Stage> pendingStages = new HashMap<>();
	final Map<String, UUID> accountsByName = new HashMap<>();
	// The catalogue by name and code spelled as productKey does, and the first spelling of each unknown product name.
	final Map<String, UUID> productsByKey = new HashMap<>();
	final Set<UUID> productIds = new HashSet<>();
	final Map<String, String> productSpellings = new HashMap<>();
	final Map<String, String> sectors = new HashMap<>();
	final Map<String, UUID> contactsByKey = new HashMap<>();
	final Map<String, UUID> dealsByKey = new HashMap<>();
	final Map<String, List<UUID>> dealsByTitle = new HashMap<>();
	final Map<String, UUID> leadsByEmail = new HashMap<>();
	final Map<UUID, Object> existingRows = new HashMap<>();
	final Map<UUID, BulkLoadRows.DealRow> deals = new HashMap<>();
	final Map<EntityKind, Map<String, UUID>> externalIds = new EnumMap<>(EntityKind.class);
	// Records an earlier import linked to a source's id that are now in the recycle bin.
	final Set<UUID> inRecycleBin = new HashSet<>();
	// Source ids whose record is gone for good (purged from the recycle bin): "KIND|id".
	final Set<String> forgotten = new HashSet<>();


	/** The organisation's record of {@code kind} whose Tandem id {@code text} is, if it is one. */
	@Nullable UUID own(EntityKind kind, String text) {
		UUID id;
		try {
			id = text.length() == 36 ? UUID.fromString(text) : null;
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
		Object row = id == null ? null : kind == EntityKind.DEALS ? deals.get(id) : existingRows.get(id);
		boolean ofKind = switch (kind) {
			case ACCOUNTS -> row instanceof BulkLoadRows.AccountRow;
			case CONTACTS -> row instanceof BulkLoadRows.ContactRow;
			case DEALS -> row instanceof BulkLoadRows.DealRow;
			case ACTIVITIES -> row instanceof BulkLoadRows.ActivityRow;
			case LEADS -> row instanceof BulkLoadRows.LeadRow;
			default -> false;
		};
		return ofKind ? id : null;
	}

	void addUser(UUID id, String email, String name) {
		usersByEmail.put(key(email), id);
		usersByName.putIfAbsent(key(name), id);
		emailsById.put(id, email);
	}

	void addDeal(BulkLoadRows.DealRow d) {
		dealsByKey.putIfAbsent(d.accountId() + "|" + key(d.title()), d.id());
		dealsByTitle.computeIfAbsent(key(d.title()), k -> new ArrayList<>()).add(d.id());
		deals.put(d.id(), d);
	}
	}

	/** What the report collects: problems, counts, unmatched values and the decisions it waits for. */
	static final class Findings {

	final List<RowProblem> problems = new ArrayList<>();
	int problemsTotal;
	int rows;
	final Map<EntityKind, int[]> counts = new LinkedHashMap<>();
	final Map<String, Map<String, Integer>> unmatched = new LinkedHashMap<>();
	final Map<String, Map<String, Integer>> created = new LinkedHashMap<>();
	final Map<String, Map<String, Integer>> notes = new LinkedHashMap<>();
	final List<String> decisions = new ArrayList<>();

	}

	/** What a run writes: the playbook, people and teams, records to create and update, goals and forecasts. */
	static final class Writes {

	final List<Pipeline> pipelinesToWrite = new ArrayList<>();
	final List<Plan.StageToCreate> newStages = new ArrayList<>();
	final List<Plan.UserToCreate> newUsers = new ArrayList<>();
	final List<Plan.TeamToCreate> newTeams = new ArrayList<>();
	final List<Plan.MembershipToAdd> memberships = new ArrayList<>();
	final List<Plan.MembershipToMove> moves = new ArrayList<>();
	final List<UUID> reactivate = new ArrayList<>();
	final List<UUID> deactivate = new ArrayList<>();
	final Rows creates = new Rows();
	final Rows updates = new Rows();
	final List<Before> befores = new ArrayList<>();
	final List<Link> links = new ArrayList<>();
	final List<GoalLoad.GoalRow> goals = new ArrayList<>();
	final List<GoalLoad.ProposalRow> proposals = new ArrayList<>();
	final ForecastRows forecasts = new ForecastRows();
	final List<BulkLoadRows.ProductRow> newProducts = new ArrayList<>();
	final List<BulkLoadRows.LineRow> lines = new ArrayList<>();

	}
}
