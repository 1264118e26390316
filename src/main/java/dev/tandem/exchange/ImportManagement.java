package dev.tandem.exchange;

import dev.tandem.platform.AuditAction;
import dev.tandem.platform.AuditLog;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.persistence.ImportRecords;
import dev.tandem.exchange.persistence.Imports;
import dev.tandem.exchange.persistence.Mappings;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import wizard's steps, for the pages and the API alike: upload a file, map its columns and
 * values, check it (a dry run that writes nothing), run it (in the background, all or nothing), undo
 * it, and list the organisation's imports.
 * <p>
 * Only an admin imports: an import writes for the whole organisation (users, teams, other people's
 * deals), which no other role may do. Everything is bound to the admin's organisation; an import of
 * another organisation answers "not found".
 */
@Service
public class ImportManagement {

	private final Imports imports;
	private final Mappings mappings;
	private final ImportRecords records;
	private final ImportPlanner planner;
	private final ImportRunner runner;
	private final ImportWriter writer;
	private final ImportLimits limits;
	private final Clock clock;
	private final AuditLog audit;

	ImportManagement(Imports imports, Mappings mappings, ImportRecords records, ImportPlanner planner, ImportRunner runner,
			ImportWriter writer, ImportLimits limits, Clock clock, AuditLog audit) {
		this.audit = audit;
		this.imports = imports;
		this.mappings = mappings;
		this.records = records;
		this.planner = planner;
		this.runner = runner;
		this.writer = writer;
		this.limits = limits;
		this.clock = clock;
	}

	public ImportLimits limits() {
		return limits;
	}

	/**
	 * Stores an uploaded file as a new import, with the columns mapped by the preset (detected when not
	 * given) and by the mapping the organisation saved for this kind of file.
	 */
	@Transactional
	public ImportJob upload(CurrentUser admin, String fileName, byte[] content, @Nullable EntityKind kind, @Nullable Preset preset) {
		requireAdmin(admin);
		requireFileKind(kind);
		if (content.length > limits.maxFileSize().toBytes()) {
			throw InvalidInputException.of("file", "exchange.file.too-large", limits.maxFileSize().toMegabytes());
		}
		if (content.length == 0) {
			throw InvalidInputException.of("file", "exchange.file.empty");
		}
		fileName = SourceFiles.safeName(fileName);
		SourceFiles.accept(fileName, content);
		String format = SourceFiles.format(fileName);
		List<Table> tables = SourceFiles.read(fileName, content, limits);
		ImportSettings settings;
		List<String> headers;
		if (format.equals("ZIP")) {
			settings = new ImportSettings(EntityKind.ORGANISATION, Preset.TANDEM, Map.of(), saved(admin, EntityKind.ORGANISATION).values(),
					ImportSettings.DateOrder.AUTO, ImportSettings.DecimalMark.AUTO, ImportSettings.Duplicates.SKIP);
			headers = List.of();
		}
		else {
			headers = tables.get(0).headers();
			EntityKind detected = kind != null && kind != EntityKind.ORGANISATION ? kind : Preset.detectKind(headers)
				.orElseThrow(() -> InvalidInputException.of("kind", "exchange.kind.unknown"));
			Preset source = preset != null ? preset : Preset.detect(detected, headers).orElse(null);
			Mappings.Saved saved = saved(admin, detected);
			Map<String, String> columns = new LinkedHashMap<>((source == null ? Preset.TANDEM : source).map(detected, headers));
			saved.columns().forEach((field, header) -> {
				if (headers.contains(header)) {
					columns.put(field, header);
				}
			});
			settings = new ImportSettings(detected, source, columns, saved.values(), ImportSettings.DateOrder.AUTO,
					ImportSettings.DecimalMark.AUTO, ImportSettings.Duplicates.SKIP);
			kind = detected;
		}
		UUID id = Ids.next();
		int rows = tables.stream().mapToInt(t -> t.rows().size()).sum();
		imports.insert(admin.orgId(), id, settings.kind(), fileName, format, content, settings, headers, rows, admin.id());
		return get(admin, id);
	}

	private Mappings.Saved saved(CurrentUser admin, EntityKind kind) {
		return mappings.find(admin.orgId(), kind).orElse(new Mappings.Saved(Map.of(), Map.of()));
	}

	public ImportJob get(CurrentUser admin, UUID id) {
		requireAdmin(admin);
		ImportJob job = imports.find(admin.orgId(), id).orElseThrow(() -> new RecordNotFoundException("import", id));
		if (job.status() == ImportStatus.RUNNING) {
			runner.failInterrupted();
			return imports.find(admin.orgId(), id).orElseThrow();
		}
		return job;
	}

	/** The organisation's imports, newest first. */
	public List<ImportJob> history(CurrentUser admin) {
		requireAdmin(admin);
		return imports.list(admin.orgId(), 100);
	}

	/** Sets the mapping and choices; the last dry run no longer counts and the import must be checked again. */
	@Transactional
	public ImportJob configure(CurrentUser admin, UUID id, int version, ImportSettings settings) {
		ImportJob job = get(admin, id);
		if (job.status() == ImportStatus.RUNNING || job.status() == ImportStatus.DONE || job.status() == ImportStatus.UNDONE) {
			throw InvalidInputException.of("status", "exchange.error.not-editable");
		}
		requireFileKind(settings.kind());
		List<String> fields = settings.kind().fieldKeys();
		for (Map.Entry<String, String> column : settings.columns().entrySet()) {
			boolean custom = CustomColumns.kindOf(settings.kind()).isPresent() && CustomColumns.isCustom(column.getKey());
			if (!fields.contains(column.getKey()) && !custom) {
				throw InvalidInputException.of("columns." + column.getKey(), "exchange.mapping.unknown-field");
			}
			if (!job.headers().contains(column.getValue())) {
				throw InvalidInputException.of("columns." + column.getKey(), "exchange.mapping.unknown-column");
			}
		}
		if (settings.kind() == EntityKind.DEALS && settings.withoutAccount() == ImportSettings.WithoutAccount.PLACEHOLDER
				&& settings.placeholderAccount() == null) {
			throw InvalidInputException.of("values.account", "exchange.mapping.placeholder-needed");
		}
		if (settings.refusedRows() == ImportSettings.RefusedRows.SKIP && settings.kind() != EntityKind.DEALS) {
			throw InvalidInputException.of("refusedRows", "exchange.mapping.skip-deals-only");
		}
		if (job.kind() == EntityKind.ORGANISATION && settings.kind() != EntityKind.ORGANISATION
				|| job.kind() != EntityKind.ORGANISATION && settings.kind() == EntityKind.ORGANISATION) {
			throw InvalidInputException.of("kind", "exchange.kind.unknown");
		}
		if (!imports.saveSettings(admin.orgId(), id, settings, job.headers(), version)) {
			throw new ConcurrentEditException("import", null, null);
		}
		return get(admin, id);
	}

	/** A file holds one of {@link EntityKind#FILE_KINDS} or a whole organisation; the playbook and the rest come only in the latter. */
	private static void requireFileKind(@Nullable EntityKind kind) {
		if (kind != null && kind != EntityKind.ORGANISATION && !EntityKind.FILE_KINDS.contains(kind)) {
			throw InvalidInputException.of("kind", "exchange.kind.unknown");
		}
	}

	/** The dry run: reads the whole file against the organisation, keeps the report, writes nothing else. */
	@Transactional
	public ImportJob check(CurrentUser admin, UUID id) {
		ImportJob job = get(admin, id);
		if (job.status() != ImportStatus.UPLOADED && job.status() != ImportStatus.CHECKED && job.status() != ImportStatus.FAILED) {
			throw InvalidInputException.of("status", "exchange.error.not-editable");
		}
		List<Table> tables = SourceFiles.read(job.fileName(), imports.content(admin.orgId(), id), limits);
		Plan plan = planner.plan(admin, job.settings(), tables, done -> { });
		imports.saveReport(admin.orgId(), id, plan.report());
		mappings.save(admin.orgId(), job.kind(), new Mappings.Saved(job.settings().columns(), job.settings().values()), admin.id());
		return get(admin, id);
	}

	/** Starts the import in the background once a dry run found it ready; poll {@link #get} for progress. */
	public ImportJob run(CurrentUser admin, UUID id) {
		ImportJob job = get(admin, id);
		if (!job.runnable()) {
			throw InvalidInputException.of("status", job.status() == ImportStatus.CHECKED ? "exchange.error.not-ready" : "exchange.error.check-first");
		}
		List<Table> tables = SourceFiles.read(job.fileName(), imports.content(admin.orgId(), id), limits);
		runner.submit(admin, job, tables);
		audit.record(admin.orgId(), admin.id(), admin.displayName(), AuditAction.IMPORTED, "import", id,
				job.kind() + " " + job.fileName());
		return job;
	}

	/** Takes a finished import back as a whole; refused while records created since refer to what it created. */
	@Transactional
	public ImportJob undo(CurrentUser admin, UUID id) {
		ImportJob job = get(admin, id);
		if (!job.undoable()) {
			throw InvalidInputException.of("status", "exchange.error.not-undoable");
		}
		java.util.Map<String, Integer> summary = writer.undoSummary(admin, id);
		try {
			writer.undo(admin, id);
		}
		catch (DataIntegrityViolationException ex) {
			throw InvalidInputException.of("id", "exchange.undo.in-use");
		}
		records.forget(admin.orgId(), id);
		imports.undone(admin.orgId(), id, admin.id(), clock.instant(), summary);
		audit.record(admin.orgId(), admin.id(), admin.displayName(), AuditAction.IMPORT_UNDONE, "import", id, job.kind() + " " + job.fileName());
		return get(admin, id);
	}

	static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("Only an admin imports and exports");
		}
	}
}
