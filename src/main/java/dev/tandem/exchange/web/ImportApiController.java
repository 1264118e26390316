package dev.tandem.exchange.web;

import dev.tandem.platform.AuditLog;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import java.util.UUID;

import dev.tandem.exchange.EntityKind;
import dev.tandem.exchange.ExportManagement;
import dev.tandem.exchange.ImportManagement;
import dev.tandem.exchange.ImportSettings;
import dev.tandem.exchange.Preset;
import dev.tandem.exchange.web.ImportViews.ImportView;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import dev.tandem.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@Tag(name = "Import and export", description = "Bring data in from other CRMs and spreadsheets, take everything out (admins only)")
class ImportApiController {

	private final ImportManagement imports;
	private final ExportManagement export;
	private final AuditLog audit;
	private final ImportViews views;
	private final SkippedRowsCsv skippedCsv;

	ImportApiController(ImportManagement imports, ExportManagement export, ImportViews views, SkippedRowsCsv skippedCsv, AuditLog audit) {
		this.imports = imports;
		this.skippedCsv = skippedCsv;
		this.export = export;
		this.views = views;
		this.audit = audit;
	}

	@PostMapping(path = "/api/v1/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "Upload a file to import", description = "CSV (any delimiter), XLSX or a Tandem export ZIP. kind and preset "
			+ "are detected when not given. Answers the import with its column mapping; check it next.")
	ResponseEntity<ImportView> upload(@AuthenticationPrincipal CurrentUser me, @RequestParam("file") @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable EntityKind kind, @RequestParam(required = false) @Nullable Preset preset)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw InvalidInputException.of("file", "exchange.file.empty");
		}
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		ImportView view = view(imports.upload(me, name, file.getBytes(), kind, preset));
		return ResponseEntity.created(URI.create("/api/v1/imports/" + view.id())).body(view);
	}

	@GetMapping("/api/v1/imports")
	@Operation(summary = "Import history", description = "The organisation's imports, newest first: who, when, file, status and counts.")
	Listing<ImportView> list(@AuthenticationPrincipal CurrentUser me) {
		return Listing.all(imports.history(me).stream().map(this::view).toList());
	}

	@GetMapping("/api/v1/imports/{id}")
	@Operation(summary = "An import", description = "Status, progress (percent, rowsDone of rowsTotal), mapping and the last dry-run report.")
	ImportView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return view(imports.get(me, id));
	}

	@PutMapping("/api/v1/imports/{id}/mapping")
	@Operation(summary = "Set the mapping", description = "columns: field to column; for accounts, contacts, deals and leads "
			+ "a field custom.<key> keeps the column as that custom field, made by the run when missing and typed from the "
			+ "column's values (number, yyyy-mm-dd date, else text); values: per category (stage, owner, type, source, "
			+ "leadStatus, status, role, sector) source value to a stage or user id, a fixed value, or \"create\"; for deals, "
			+ "withoutAccount: REFUSE (the default), PLACEHOLDER (attach them to the account named in account: {\"\": name}) or NONE "
			+ "(import them without an account); refusedRows: FAIL (all or nothing, the default) or, for deals, SKIP (import the rest "
			+ "and keep the refused rows to download as skipped.csv); dateOrder, decimalMark, duplicates. Send the version you read.")
	ImportView mapping(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody MappingRequest request) {
		return view(imports.configure(me, id, request.version(), request.toSettings()));
	}

	@PostMapping("/api/v1/imports/{id}/check")
	@Operation(summary = "Dry run", description = "Reads the whole file and reports every row that would fail, the values to map and "
			+ "the counts that would be created, updated and skipped. Writes nothing.")
	ImportView check(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return view(imports.check(me, id));
	}

	@PostMapping("/api/v1/imports/{id}/run")
	@Operation(summary = "Run the import", description = "Starts it in the background, all or nothing; poll the import for progress.")
	ResponseEntity<ImportView> run(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return ResponseEntity.accepted().body(view(imports.run(me, id)));
	}

	@GetMapping("/api/v1/imports/{id}/skipped.csv")
	@Operation(summary = "The skipped rows", description = "With refusedRows SKIP: the rows of the file the import skipped (before "
			+ "it runs: would skip), their own columns and a reason column, in the language asked for. Only a header when none.")
	void skipped(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, HttpServletResponse response) throws IOException {
		skippedCsv.write(imports.get(me, id), LocaleContextHolder.getLocale(), response);
	}

	@PostMapping("/api/v1/imports/{id}/undo")
	@Operation(summary = "Undo an import", description = "Deletes what it created and restores what it changed.")
	ImportView undo(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return view(imports.undo(me, id));
	}

	@GetMapping("/api/v1/export")
	@Operation(summary = "Export the organisation", description = "A ZIP of CSVs, one per kind, that Tandem imports again.")
	void export(@AuthenticationPrincipal CurrentUser me, HttpServletResponse response) throws IOException {
		ExportPages.download(export, audit, me, response);
	}

	private ImportView view(dev.tandem.exchange.ImportJob job) {
		return views.of(job, LocaleContextHolder.getLocale());
	}

	record MappingRequest(int version, EntityKind kind, @Nullable Preset preset, @Nullable Map<String, String> columns,
			@Nullable Map<String, Map<String, String>> values, ImportSettings.@Nullable DateOrder dateOrder,
			ImportSettings.@Nullable DecimalMark decimalMark, ImportSettings.@Nullable Duplicates duplicates,
			ImportSettings.@Nullable WithoutAccount withoutAccount, ImportSettings.@Nullable RefusedRows refusedRows) {

		ImportSettings toSettings() {
			return new ImportSettings(kind, preset, columns == null ? Map.of() : columns, values == null ? Map.of() : values,
					dateOrder == null ? ImportSettings.DateOrder.AUTO : dateOrder,
					decimalMark == null ? ImportSettings.DecimalMark.AUTO : decimalMark,
					duplicates == null ? ImportSettings.Duplicates.SKIP : duplicates, withoutAccount, refusedRows);
		}
	}
}
