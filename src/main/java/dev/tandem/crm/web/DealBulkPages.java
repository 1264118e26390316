package dev.tandem.crm.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.DealBulkEdit;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.playbook.ForecastCategory;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Bulk edit from the deal list: the deals ticked there, each sent as {@code id:version}, get the owner, stage, close
 * date or forecast category chosen in the bar above the list; the answer page reports per deal what happened.
 */
@Controller
class DealBulkPages {

	private final DealBulkEdit bulk;
	private final BulkReport report;
	private final FormErrors formErrors;

	DealBulkPages(DealBulkEdit bulk, BulkReport report, FormErrors formErrors) {
		this.bulk = bulk;
		this.report = report;
		this.formErrors = formErrors;
	}

	@PostMapping("/deals/bulk")
	String apply(@AuthenticationPrincipal CurrentUser me, @RequestParam(name = "deal", required = false) @Nullable List<String> chosen,
			@RequestParam(required = false) @Nullable UUID ownerId, @RequestParam(required = false) @Nullable UUID stageId,
			@RequestParam(required = false) @Nullable LocalDate closeDate,
			@RequestParam(required = false) @Nullable ForecastCategory forecastCategory,
			@RequestParam(required = false) @Nullable String back, Model model) {
		var outcome = new Object() {
			BulkReport.@Nullable Report report;
		};
		Map<String, String> errors = formErrors.attempt(() -> outcome.report = report.of(bulk.apply(me, targets(chosen),
				new DealBulkEdit.Changes(ownerId, stageId, closeDate, forecastCategory)), LocaleContextHolder.getLocale()));
		model.addAttribute("report", outcome.report);
		model.addAttribute("errors", errors);
		model.addAttribute("back", back(back));
		return "crm/deals-bulk";
	}

	/** The ticked deals; a value that is not {@code id:version} is refused on the field, before any deal changes. */
	static List<DealBulkEdit.Target> targets(@Nullable List<String> chosen) {
		List<DealBulkEdit.Target> targets = new ArrayList<>();
		for (String value : chosen == null ? List.<String>of() : chosen) {
			int colon = value.indexOf(':');
			try {
				targets.add(new DealBulkEdit.Target(UUID.fromString(value.substring(0, colon)),
						Integer.parseInt(value.substring(colon + 1))));
			}
			catch (RuntimeException ex) {
				throw InvalidInputException.of("deal", "bulk.validation.deal-value");
			}
		}
		return targets;
	}

	/** Back to the list the user came from, with its filters; only ever the deal list. */
	static String back(@Nullable String back) {
		return back != null && (back.equals("/deals") || back.startsWith("/deals?")) && !back.contains("//") ? back : "/deals";
	}
}
