package dev.tandem.crm.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.AccountManagement;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.Contact;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealChanges;
import dev.tandem.crm.DealLine;
import dev.tandem.crm.DealLineManagement;
import dev.tandem.crm.DealHistoryEntry;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.GateRefusedException;
import dev.tandem.crm.HygieneFlag;
import dev.tandem.crm.MoveResult;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.NewDealLine;
import dev.tandem.crm.ProductManagement;
import dev.tandem.crm.NewStakeholder;
import dev.tandem.crm.StageMove;
import dev.tandem.crm.Stakeholder;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.crm.Stance;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Formats;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.Htmx;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.DealFacts;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Guidance;
import dev.tandem.playbook.Missing;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.RequiredActivity;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pipeline board and the deal page: where a rep works a deal through the playbook and a manager
 * sees what is missing.
 */
@Controller
class DealPages {

	/** Cards shown per board column; the rest is one click away in the deal list. */
	static final int CARDS_PER_COLUMN = 40;

	private final DealManagement deals;
	private final ActivityManagement activities;
	private final AccountManagement accounts;
	private final PlaybookManagement playbook;
	private final CrmViews views;
	private final MissingText missingText;
	private final FormErrors formErrors;
	private final Checklists checklists;
	private final DealLineManagement lines;
	private final ProductManagement products;
	private final Formats formats;

	DealPages(DealManagement deals, ActivityManagement activities, AccountManagement accounts, PlaybookManagement playbook,
			CrmViews views, MissingText missingText, FormErrors formErrors, Checklists checklists, DealLineManagement lines,
			ProductManagement products, Formats formats) {
		this.formats = formats;
		this.lines = lines;
		this.products = products;
		this.deals = deals;
		this.activities = activities;
		this.accounts = accounts;
		this.playbook = playbook;
		this.views = views;
		this.missingText = missingText;
		this.formErrors = formErrors;
		this.checklists = checklists;
	}

	// The board

	@GetMapping("/pipeline")
	String board(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID pipeline,
			@RequestParam(required = false) @Nullable UUID owner, HttpServletRequest request, Model model) {
		fillBoard(me, pipeline, owner, null, model);
		return Htmx.view(request, "crm/board", "board");
	}

	/**
	 * The board's columns, each with its first cards; the deal just moved ({@code moved}) is always among them, so its
	 * card can say how the move went even in a column longer than the board shows.
	 */
	private void fillBoard(CurrentUser me, @Nullable UUID pipelineId, @Nullable UUID ownerId, @Nullable UUID moved, Model model) {
		List<Pipeline> pipelines = playbook.pipelines(me.orgId());
		Pipeline pipeline = pipelineId == null ? playbook.defaultPipeline(me.orgId()) : playbook.pipeline(me.orgId(), pipelineId);
		List<Deal> open = deals.board(me, pipeline.id(), ownerId);
		List<Column> columns = new ArrayList<>();
		LocalDate today = views.today(me);
		for (Stage stage : pipeline.openStages()) {
			List<Deal> inStage = open.stream().filter(d -> d.stageId().equals(stage.id())).toList();
			BigDecimal total = inStage.stream().map(Deal::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add);
			List<Deal> shown = new ArrayList<>(inStage.stream().limit(CARDS_PER_COLUMN).toList());
			inStage.stream().skip(CARDS_PER_COLUMN).filter(d -> d.id().equals(moved)).findFirst().ifPresent(d -> shown.add(0, d));
			List<Card> cards = shown.stream().map(d -> new Card(d, deals.hygiene(me, d, pipeline))).toList();
			columns.add(new Column(stage, inStage.size(), total, cards, inStage.size() - cards.size()));
		}
		model.addAttribute("pipelines", pipelines);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("columns", columns);
		model.addAttribute("owner", ownerId);
		model.addAttribute("owners", views.people(me));
		model.addAttribute("today", today);
		model.addAttribute("openCount", open.size());
		model.addAttribute("openAmount", open.stream().map(Deal::amount).filter(a -> a != null).reduce(BigDecimal.ZERO, BigDecimal::add));
	}

	/**
	 * Moves a deal from the board or the deal page. A refused move is explained inline: on the board in
	 * the card, on the deal page above the stages, with the target's exit criteria to tick there; the criteria
	 * sent along as {@code tick} are ticked first (they stay ticked if the move is still refused).
	 */
	@PostMapping("/deals/{id}/move")
	String move(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam UUID stageId,
			@RequestParam int version, @RequestParam(defaultValue = "deal") String from,
			@RequestParam(name = "tick", required = false) @Nullable List<UUID> tick,
			@RequestParam(required = false) @Nullable BigDecimal amount,
			@RequestParam(required = false) @Nullable LocalDate closeDate,
			@RequestParam(required = false) @Nullable String lostReason,
			@RequestParam(required = false) @Nullable UUID owner, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		Locale locale = LocaleContextHolder.getLocale();
		Deal deal = deals.get(me, id);
		var outcome = new Object() {
			List<Checklists.Item> blocked = List.of();
			List<String> warnings = List.of();
		};
		Map<String, String> refused = formErrors.attempt(() -> {
			try {
				int current = version;
				if (tick != null && !tick.isEmpty()) {
					Map<UUID, Boolean> ticks = new LinkedHashMap<>();
					tick.forEach(c -> ticks.put(c, true));
					current = deals.checkCriteria(me, id, version, ticks).version();
				}
				MoveResult result = deals.move(me, id, new StageMove(stageId, current, amount, closeDate, lostReason));
				outcome.warnings = missingText.all(result.warnings(), locale);
			}
			catch (GateRefusedException ex) {
				outcome.blocked = checklists.items(id, ex.missing(), locale);
			}
		});
		List<Checklists.Item> blocked = outcome.blocked;
		List<String> warnings = outcome.warnings;
		String error = refused.isEmpty() ? null : String.join(" ", refused.values());
		String target = playbook.pipeline(me.orgId(), deal.pipelineId()).stage(stageId).map(Stage::name).orElse("");
		if ("board".equals(from) && Htmx.isHtmx(request)) {
			fillBoard(me, deal.pipelineId(), owner, id, model);
			model.addAttribute("notice", new Notice(id, stageId, target, blocked, warnings, error));
			return "crm/board :: board";
		}
		redirect.addFlashAttribute("notice", new Notice(id, stageId, target, blocked, warnings, error));
		return "board".equals(from) ? "redirect:/pipeline" + (owner == null ? "" : "?owner=" + owner) : "redirect:/deals/" + id;
	}

	// The deal page

	/** The deal page; {@code add} names the buying-group role the add form starts with (a link from a refused move). */
	@GetMapping("/deals/{id}")
	String deal(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable StakeholderRole add, Model model) {
		Deal deal = deals.get(me, id);
		Pipeline pipeline = playbook.pipeline(me.orgId(), deal.pipelineId());
		Stage stage = pipeline.stage(deal.stageId()).orElseThrow();
		DealFacts facts = deals.facts(me, deal);
		Stage next = pipeline.openStages().stream().filter(s -> s.position() > stage.position()).findFirst().orElse(null);
		List<Stakeholder> group = deals.stakeholders(me, id);
		model.addAttribute("deal", deal);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("stage", stage);
		model.addAttribute("next", next);
		model.addAttribute("wonStage", pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElse(null));
		model.addAttribute("lostStage", pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElse(null));
		model.addAttribute("guidance", Guidance.toHtml(stage.guidance()));
		Locale locale = LocaleContextHolder.getLocale();
		model.addAttribute("required", requiredOf(stage, facts));
		model.addAttribute("criteria", checklists.criteria(stage, facts, group, locale));
		boolean showNext = next != null && deal.isOpen();
		model.addAttribute("nextCriteria", showNext ? checklists.criteria(next, facts, group, locale) : List.of());
		List<Missing> nextMissing = showNext ? deals.missingFor(me, deal, next) : List.of();
		model.addAttribute("nextMissing", checklists.items(id, nextMissing.stream()
			.filter(m -> m.kind() != Missing.Kind.CRITERION).toList(), locale));
		model.addAttribute("nextReady", nextMissing.isEmpty());
		model.addAttribute("addRole", add);
		model.addAttribute("hygiene", deals.hygiene(me, deal, pipeline));
		model.addAttribute("groupByRole", byRole(group));
		model.addAttribute("group", group);
		// A deal imported without an account has no contacts to offer for its buying group.
		model.addAttribute("contacts", deal.accountId() == null ? List.of() : accounts.contactsOf(me, deal.accountId()).stream()
			.filter(c -> group.stream().noneMatch(s -> s.contactId().equals(c.id()))).toList());
		model.addAttribute("logContacts", deal.accountId() == null ? List.of() : accounts.contactsOf(me, deal.accountId()));
		model.addAttribute("timeline", timeline(activities.ofDeal(me, id), deals.history(me, id)));
		model.addAttribute("owners", views.people(me));
		model.addAttribute("categories", ForecastCategory.values());
		model.addAttribute("sources", DealSource.values());
		model.addAttribute("roles", StakeholderRole.values());
		model.addAttribute("stances", Stance.values());
		model.addAttribute("types", ActivityType.values());
		model.addAttribute("today", views.today(me));
		List<DealLine> dealLines = lines.lines(me, id);
		model.addAttribute("lines", dealLines);
		model.addAttribute("linesTotal", DealLineManagement.total(dealLines));
		if (!model.containsAttribute("lineRows")) {
			List<LineRow> rows = new ArrayList<>(dealLines.stream().map(LineRow::of).toList());
			rows.add(LineRow.BLANK);
			model.addAttribute("lineRows", rows);
		}
		model.addAttribute("productChoices", products.list(me, true).stream()
			.filter(p -> p.active() || dealLines.stream().anyMatch(l -> l.productId().equals(p.id()))).toList());
		model.addAttribute("customFields", views.customFields(me, CustomFieldKind.DEAL));
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/deal";
	}

	/**
	 * The line items form: {@code op=add} gives it one more empty row, {@code op=remove-N} takes row N away (neither
	 * saves), anything else saves the rows that name a product or a quantity, based on the deal's version.
	 */
	@PostMapping("/deals/{id}/lines")
	String saveLines(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(defaultValue = "save") String op, @RequestParam(name = "productId", required = false) @Nullable List<String> productIds,
			@RequestParam(name = "quantity", required = false) @Nullable List<String> quantities,
			@RequestParam(name = "unitPrice", required = false) @Nullable List<String> unitPrices,
			@RequestParam(name = "discount", required = false) @Nullable List<String> discounts, Model model, RedirectAttributes redirect) {
		List<LineRow> rows = new ArrayList<>();
		int count = productIds == null ? 0 : productIds.size();
		for (int i = 0; i < count; i++) {
			rows.add(new LineRow(at(productIds, i), at(quantities, i), at(unitPrices, i), at(discounts, i)));
		}
		if (op.equals("add") || op.startsWith("remove-")) {
			if (op.equals("add")) {
				rows.add(LineRow.BLANK);
			}
			else {
				int index = intOr(op.substring("remove-".length()), -1);
				if (index >= 0 && index < rows.size()) {
					rows.remove(index);
				}
			}
			model.addAttribute("lineRows", rows);
			model.addAttribute("linesOpen", true);
			return deal(me, id, null, model);
		}
		List<LineRow> entered = rows.stream().filter(r -> !r.isBlank()).toList();
		return formErrors.submit(() -> {
			List<NewDealLine> newLines = new ArrayList<>();
			List<dev.tandem.platform.FieldProblem> problems = new ArrayList<>();
			for (int i = 0; i < entered.size(); i++) {
				newLines.add(entered.get(i).toLine(i, problems));
			}
			if (!problems.isEmpty()) {
				throw new InvalidInputException(problems);
			}
			Deal saved = lines.replace(me, id, version, newLines);
			redirect.addFlashAttribute("flash", newLines.isEmpty() ? formErrors.message("lines.removed")
					: formErrors.message("lines.saved", formats.money(saved.amount())));
			return "redirect:/deals/" + id + "#line-items";
		}, errors -> {
			List<LineRow> shown = new ArrayList<>(entered);
			model.addAttribute("lineRows", shown.isEmpty() ? List.of(LineRow.BLANK) : shown);
			model.addAttribute("linesOpen", true);
			model.addAttribute("errors", errors);
			return deal(me, id, null, model);
		});
	}

	private static String at(@Nullable List<String> values, int i) {
		return values == null || i >= values.size() || values.get(i) == null ? "" : values.get(i).trim();
	}

	private static int intOr(String text, int fallback) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			return fallback;
		}
	}

	@PostMapping("/deals/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, DealForm form, Model model,
			RedirectAttributes redirect) {
		return formErrors.submit(() -> {
			deals.update(me, id, new DealChanges(form.version(), Set.of("title", "amount", "closeDate", "ownerId",
					"forecastCategory", "nextStep", "nextStepDate", "source"), form.title(), form.amount(), form.closeDate(),
					form.ownerId(), form.forecastCategory(), form.nextStep(), form.nextStepDate(), form.source(), null));
			redirect.addFlashAttribute("flash", formErrors.message("deal.saved"));
			return "redirect:/deals/" + id;
		}, errors -> {
			model.addAttribute("errors", errors);
			model.addAttribute("editOpen", true);
			return deal(me, id, null, model);
		});
	}

	/** Ticks or unticks one criterion from the deal page's checklist; a stale page is told who changed the deal. */
	@PostMapping("/deals/{id}/criteria/{criterionId}")
	String criterion(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID criterionId,
			@RequestParam(defaultValue = "false") boolean checked, @RequestParam int version, RedirectAttributes redirect) {
		Map<String, String> refused = formErrors.attempt(() -> deals.checkCriteria(me, id, version, Map.of(criterionId, checked)));
		if (!refused.isEmpty()) {
			redirect.addFlashAttribute("errors", Map.of("form", String.join(" ", refused.values())));
		}
		return "redirect:/deals/" + id + "#playbook";
	}

	@PostMapping("/deals/{id}/review")
	String review(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		deals.markReviewed(me, id);
		redirect.addFlashAttribute("flash", formErrors.message("deal.reviewed"));
		return "redirect:/deals/" + id;
	}

	@PostMapping("/deals/{id}/stakeholders")
	String addStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam(required = false) @Nullable UUID contactId,
			@RequestParam(required = false) @Nullable String newContactName, @RequestParam(required = false) @Nullable String newContactTitle,
			@RequestParam StakeholderRole role, @RequestParam(defaultValue = "3") int influence, @RequestParam Stance stance,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> {
			UUID contact = contactId;
			if (contact == null && newContactName != null && !newContactName.isBlank()) {
				Deal deal = deals.get(me, id);
				Contact created = accounts.createContact(me, new dev.tandem.crm.NewContact(deal.accountId(), newContactName,
						newContactTitle, null, null, null));
				contact = created.id();
			}
			if (contact == null) {
				throw InvalidInputException.of("contactId", "jakarta.validation.constraints.NotNull.message");
			}
			deals.addStakeholder(me, id, new NewStakeholder(contact, role, influence, stance));
		});
		return "redirect:/deals/" + id + "#buying-group";
	}

	@PostMapping("/deals/{id}/stakeholders/{stakeholderId}")
	String updateStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID stakeholderId,
			@RequestParam StakeholderRole role, @RequestParam int influence, @RequestParam Stance stance, @RequestParam int version,
			RedirectAttributes redirect) {
		formErrors.flash(redirect, () -> deals.updateStakeholder(me, id, stakeholderId, role, influence, stance, version));
		return "redirect:/deals/" + id + "#buying-group";
	}

	@PostMapping("/deals/{id}/stakeholders/{stakeholderId}/remove")
	String removeStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID stakeholderId) {
		deals.removeStakeholder(me, id, stakeholderId);
		return "redirect:/deals/" + id + "#buying-group";
	}

	@GetMapping("/deals/new")
	String newDeal(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable UUID accountId, Model model) {
		model.addAttribute("accountId", accountId);
		model.addAttribute("accounts", views.accountChoices(me));
		model.addAttribute("owners", views.people(me));
		model.addAttribute("sources", DealSource.values());
		model.addAttribute("pipelines", playbook.pipelines(me.orgId()));
		model.addAttribute("form", null);
		model.addAttribute("errors", Map.of());
		return "crm/deal-new";
	}

	@PostMapping("/deals")
	String create(@AuthenticationPrincipal CurrentUser me, NewDealForm form, Model model) {
		return formErrors.submit(() -> {
			UUID accountId = form.accountId();
			if (accountId == null && form.accountName() != null && !form.accountName().isBlank()) {
				accountId = accounts.findOrCreate(me, form.accountName().trim()).id();
			}
			if (accountId == null) {
				throw InvalidInputException.of("accountId", "jakarta.validation.constraints.NotNull.message");
			}
			Deal deal = deals.create(me, new NewDeal(accountId, form.title(), form.amount(), form.closeDate(), form.pipelineId(), null,
					form.ownerId(), form.source(), form.nextStep(), form.nextStepDate()), null);
			return "redirect:/deals/" + deal.id();
		}, errors -> {
			model.addAttribute("accountId", form.accountId());
			model.addAttribute("accounts", views.accountChoices(me));
			model.addAttribute("owners", views.people(me));
			model.addAttribute("sources", DealSource.values());
			model.addAttribute("pipelines", playbook.pipelines(me.orgId()));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			return "crm/deal-new";
		});
	}

	private static List<Requirement> requiredOf(Stage stage, DealFacts facts) {
		List<Requirement> list = new ArrayList<>();
		for (RequiredActivity required : stage.requiredActivities()) {
			list.add(new Requirement(required.type(), required.minCount(), facts.activityCounts().getOrDefault(required.type(), 0)));
		}
		return list;
	}

	private static Map<StakeholderRole, List<Stakeholder>> byRole(List<Stakeholder> group) {
		Map<StakeholderRole, List<Stakeholder>> byRole = new LinkedHashMap<>();
		for (StakeholderRole role : StakeholderRole.values()) {
			List<Stakeholder> inRole = group.stream().filter(s -> s.role() == role)
				.sorted(Comparator.comparing(Stakeholder::influence).reversed()).toList();
			if (!inRole.isEmpty()) {
				byRole.put(role, inRole);
			}
		}
		return byRole;
	}

	/** Activities and changes in one list, newest first. */
	static List<TimelineEntry> timeline(List<Activity> activities, List<DealHistoryEntry> changes) {
		List<TimelineEntry> entries = new ArrayList<>();
		activities.forEach(a -> entries.add(new TimelineEntry(a.when(), a, null)));
		changes.forEach(c -> entries.add(new TimelineEntry(c.at(), null, c)));
		entries.sort(Comparator.comparing(TimelineEntry::at).reversed());
		return entries;
	}

	/** A board column: the stage, how many deals and how much, the cards shown and how many more there are. */
	record Column(Stage stage, int count, BigDecimal amount, List<Card> cards, int more) {
	}

	record Card(Deal deal, List<HygieneFlag> hygiene) {
	}

	/** The outcome of a move, shown inline where the move was made; a refusal with what to tick or fix. */
	record Notice(UUID dealId, UUID stageId, String stageName, List<Checklists.Item> blocked, List<String> warnings,
			@Nullable String error) implements java.io.Serializable {

		public boolean refused() {
			return !blocked.isEmpty();
		}

		/** Whether the refusal has criteria to tick where it is shown. */
		public boolean tickable() {
			return blocked.stream().anyMatch(i -> i.tick() != null);
		}

		/** Whether the refusal lists what several stages miss (a move that skips stages), so items say their stage. */
		public boolean severalStages() {
			return blocked.stream().map(Checklists.Item::stage).distinct().count() > 1;
		}

		/** Whether ticking what is offered is all the move needs. */
		public boolean onlyTicks() {
			return blocked.stream().allMatch(i -> i.tick() != null);
		}
	}

	record Requirement(ActivityType type, int required, int done) {

		public boolean met() {
			return done >= required;
		}
	}

	record TimelineEntry(java.time.Instant at, @Nullable Activity activity, @Nullable DealHistoryEntry change) {
	}

	/** A row of the line items form as typed. */
	record LineRow(String productId, String quantity, String unitPrice, String discount) {

		static final LineRow BLANK = new LineRow("", "", "", "");

		static LineRow of(DealLine line) {
			return new LineRow(line.productId().toString(), line.quantity().stripTrailingZeros().toPlainString(),
					line.unitPrice().toPlainString(), line.discountPercent().signum() == 0 ? "" : line.discountPercent().stripTrailingZeros().toPlainString());
		}

		boolean isBlank() {
			return productId.isEmpty() && quantity.isEmpty() && unitPrice.isEmpty() && discount.isEmpty();
		}

		/** The row as a line of the deal; a number that does not read is told on its field of row {@code index}. */
		NewDealLine toLine(int index, List<dev.tandem.platform.FieldProblem> problems) {
			String at = "lines[" + index + "].";
			UUID product = null;
			try {
				product = productId.isEmpty() ? null : UUID.fromString(productId);
			}
			catch (IllegalArgumentException ex) {
				problems.add(new dev.tandem.platform.FieldProblem(at + "productId", "validation.product.unknown"));
			}
			return new NewDealLine(product, number(quantity, at + "quantity", problems), number(unitPrice, at + "unitPrice", problems),
					number(discount, at + "discountPercent", problems));
		}

		private static @Nullable BigDecimal number(String text, String field, List<dev.tandem.platform.FieldProblem> problems) {
			if (text.isEmpty()) {
				return null;
			}
			try {
				return new BigDecimal(text.replace(',', '.'));
			}
			catch (NumberFormatException ex) {
				problems.add(new dev.tandem.platform.FieldProblem(field, "validation.expected.number"));
				return null;
			}
		}
	}

	record DealForm(int version, String title, @Nullable BigDecimal amount, @Nullable LocalDate closeDate, @Nullable UUID ownerId,
			@Nullable ForecastCategory forecastCategory, @Nullable String nextStep, @Nullable LocalDate nextStepDate,
			@Nullable DealSource source) {
	}

	record NewDealForm(@Nullable UUID accountId, @Nullable String accountName, String title, @Nullable BigDecimal amount,
			@Nullable LocalDate closeDate, @Nullable UUID pipelineId, @Nullable UUID ownerId, @Nullable DealSource source,
			@Nullable String nextStep, @Nullable LocalDate nextStepDate) {
	}

}
