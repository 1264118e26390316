package dev.tandem.exchange.web;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.exchange.EntityKind;
import dev.tandem.exchange.ImportJob;
import dev.tandem.exchange.ImportManagement;
import dev.tandem.exchange.ImportSettings;
import dev.tandem.exchange.ImportStatus;
import dev.tandem.exchange.Preset;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Role;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.PlaybookManagement;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The import wizard: upload, map columns and values, check (the dry-run report), import with a
 * progress bar that htmx refreshes, undo; and the history of the organisation's imports.
 */
@Controller
class ImportPages {

	private static final String PAGE = "exchange/import";

	private final ImportManagement imports;
	private final ImportViews views;
	private final UserManagement users;
	private final PlaybookManagement playbook;
	private final FormErrors formErrors;
	private final SkippedRowsCsv skippedCsv;
	private final dev.tandem.crm.ProductManagement products;

	ImportPages(ImportManagement imports, ImportViews views, UserManagement users, PlaybookManagement playbook,
			FormErrors formErrors, SkippedRowsCsv skippedCsv, dev.tandem.crm.ProductManagement products) {
		this.products = products;
		this.imports = imports;
		this.skippedCsv = skippedCsv;
		this.views = views;
		this.users = users;
		this.playbook = playbook;
		this.formErrors = formErrors;
	}

	@GetMapping("/imports")
	String history(@AuthenticationPrincipal CurrentUser me, Model model) {
		model.addAttribute("imports", imports.history(me));
		model.addAttribute("kinds", EntityKind.FILE_KINDS);
		model.addAttribute("presets", Preset.values());
		model.addAttribute("limits", imports.limits());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "exchange/imports";
	}

	@PostMapping("/imports")
	String upload(@AuthenticationPrincipal CurrentUser me, @RequestParam("file") @Nullable MultipartFile file,
			@RequestParam(required = false) @Nullable EntityKind kind, @RequestParam(required = false) @Nullable Preset preset,
			RedirectAttributes redirect) throws IOException {
		byte[] content = file == null || file.isEmpty() ? new byte[0] : file.getBytes();
		return formErrors.submit(() -> {
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "exchange.file.empty");
			}
			String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
			ImportJob job = imports.upload(me, name, content, kind, preset);
			return "redirect:/imports/" + job.id();
		}, FormErrors.back(redirect, "redirect:/imports"));
	}

	@GetMapping("/imports/{id}")
	String wizard(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, HttpServletRequest request, Model model) {
		ImportJob job = imports.get(me, id);
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("job", job);
		model.addAttribute("view", views.of(job, locale));
		model.addAttribute("kinds", EntityKind.FILE_KINDS);
		model.addAttribute("presets", Preset.values());
		model.addAttribute("dateOrders", ImportSettings.DateOrder.values());
		model.addAttribute("decimalMarks", ImportSettings.DecimalMark.values());
		model.addAttribute("withoutAccountChoices", ImportSettings.WithoutAccount.values());
		model.addAttribute("refusedRowsChoices", ImportSettings.RefusedRows.values());
		model.addAttribute("targets", targets(me));
		model.addAttribute("mapped", mapped(job));
		model.addAttribute("keep", keep(job));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return Htmx.view(request, PAGE, "wizard");
	}

	/** Saves the mapping and runs the dry run at once: the user sees its consequence right away. */
	@PostMapping("/imports/{id}/check")
	String check(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam Map<String, String> form,
			RedirectAttributes redirect) {
		ImportJob job = imports.get(me, id);
		formErrors.flash(redirect, () -> {
			if (form.containsKey("version")) {
				imports.configure(me, id, Integer.parseInt(form.get("version")), settings(job, form));
			}
			imports.check(me, id);
		});
		return "redirect:/imports/" + id + "#report";
	}

	@PostMapping("/imports/{id}/run")
	String run(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		if (!formErrors.flash(redirect, () -> imports.run(me, id))) {
			return "redirect:/imports/" + id;
		}
		// The run starts in the background a moment later; "started" keeps the page polling until it shows.
		return "redirect:/imports/" + id + "?started=1";
	}

	@GetMapping("/imports/{id}/skipped.csv")
	void skipped(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, HttpServletResponse response) throws IOException {
		skippedCsv.write(imports.get(me, id), LocaleContextHolder.getLocale(), response);
	}

	@PostMapping("/imports/{id}/undo")
	String undo(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> imports.undo(me, id))) {
			redirect.addFlashAttribute("flash", formErrors.message("exchange.undone"));
		}
		return "redirect:/imports/" + id;
	}

	/** A column no product field takes, which the import may keep as a custom field of that key. */
	record KeepView(String header, String field, boolean kept) {
	}

	/** The file's columns that no product field takes, for a file of records that carry custom fields. */
	private static List<KeepView> keep(ImportJob job) {
		EntityKind kind = job.settings().kind();
		if (!List.of(EntityKind.ACCOUNTS, EntityKind.CONTACTS, EntityKind.DEALS, EntityKind.LEADS).contains(kind)) {
			return List.of();
		}
		Map<String, String> columns = job.settings().columns();
		return job.headers().stream().filter(h -> columns.entrySet().stream()
				.noneMatch(e -> e.getValue().equals(h) && !e.getKey().startsWith("custom.")))
			.map(h -> {
				String field = h.trim().startsWith("custom.") ? h.trim() : "custom." + CustomFieldManagement.keyOf(h);
				return new KeepView(h, field, h.equals(columns.get(field)));
			})
			.toList();
	}

	private static ImportSettings settings(ImportJob job, Map<String, String> form) {
		EntityKind kind = job.kind() == EntityKind.ORGANISATION ? EntityKind.ORGANISATION
				: EntityKind.valueOf(form.getOrDefault("kind", job.kind().name()));
		String presetName = form.getOrDefault("preset", "");
		Preset preset = presetName.isEmpty() ? null : Preset.valueOf(presetName);
		Map<String, String> columns = new LinkedHashMap<>();
		Map<String, Map<String, String>> values = new LinkedHashMap<>(job.settings().values());
		form.forEach((name, value) -> {
			if (name.startsWith("col|") && !value.isBlank()) {
				columns.put(name.substring(4), value);
			}
			if (name.startsWith("v|")) {
				String[] parts = name.split("\\|", 3);
				Map<String, String> category = new LinkedHashMap<>(values.getOrDefault(parts[1], Map.of()));
				if (value.isBlank()) {
					category.remove(parts[2]);
				}
				else {
					category.put(parts[2], value);
				}
				values.put(parts[1], category);
			}
		});
		if (kind != job.kind() || !java.util.Objects.equals(preset, job.settings().preset())) {
			columns.clear();
			columns.putAll((preset == null ? Preset.TANDEM : preset).map(kind, job.headers()));
		}
		return new ImportSettings(kind, preset, columns, values,
				ImportSettings.DateOrder.valueOf(form.getOrDefault("dateOrder", "AUTO")),
				ImportSettings.DecimalMark.valueOf(form.getOrDefault("decimalMark", "AUTO")),
				ImportSettings.Duplicates.valueOf(form.getOrDefault("duplicates", "SKIP")),
				form.containsKey("withoutAccount") ? ImportSettings.WithoutAccount.valueOf(form.get("withoutAccount")) : null,
				ImportSettings.RefusedRows.valueOf(form.getOrDefault("refusedRows", "FAIL")));
	}

	/** The source values mapped so far, as category, value and target, so the user can change them. */
	private static List<String[]> mapped(ImportJob job) {
		return job.settings().values().entrySet().stream().filter(e -> !e.getKey().equals("account") && !e.getKey().equals("roster"))
			.flatMap(e -> e.getValue().entrySet().stream().map(v -> new String[] { e.getKey(), v.getKey(), v.getValue() }))
			.toList();
	}

	/** What each category of value may be mapped onto: an id or fixed value, and its label (a message key for fixed values). */
	private Map<String, List<Target>> targets(CurrentUser me) {
		Map<String, List<Target>> targets = new LinkedHashMap<>();
		targets.put("stage", playbook.pipelines(me.orgId()).stream()
			.flatMap(p -> p.stages().stream().map(s -> new Target(s.id().toString(), p.name() + " · " + s.name(), false))).toList());
		targets.put("owner", users.all(me).stream().filter(User::active)
			.map(u -> new Target(u.id().toString(), u.displayName() + " · " + u.email(), false)).toList());
		targets.put("type", fixed("activity-type.", ActivityType.values()));
		targets.put("source", fixed("source.", DealSource.values()));
		targets.put("leadStatus", fixed("lead-status.", LeadStatus.values()));
		targets.put("status", fixed("deal-status.", DealStatus.values()));
		targets.put("role", fixed("role.", Role.values()));
		targets.put("product", products.list(me, false).stream()
			.map(p -> new Target(p.id().toString(), p.code() == null ? p.name() : p.name() + " · " + p.code(), false)).toList());
		return targets;
	}

	private static List<Target> fixed(String prefix, Enum<?>[] values) {
		return java.util.Arrays.stream(values).map(v -> new Target(v.name(), prefix + v.name(), true)).toList();
	}

	record Target(String value, String label, boolean messageKey) {
	}

}
