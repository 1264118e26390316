package dev.tandem.crm.web;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.DealBulkEdit;
import dev.tandem.people.CurrentUser;
import dev.tandem.playbook.ForecastCategory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Deals")
class DealBulkApiController {

	private final DealBulkEdit bulk;
	private final BulkReport report;

	DealBulkApiController(DealBulkEdit bulk, BulkReport report) {
		this.bulk = bulk;
		this.report = report;
	}

	@PostMapping("/api/v1/deals/bulk")
	@Operation(summary = "Change many deals at once", description = "Sets owner, stage, close date and/or forecast category "
			+ "(fields left out or null stay as they are) on up to 200 deals, each sent with the version you read. Each deal "
			+ "stands alone, in a transaction of its own, under the same rules as a single change: the stage gate, who may own "
			+ "it, its version. The answer is 200 with one result per deal, in the order sent: UPDATED with the deal, REFUSED "
			+ "with the reasons (the gate's missing items, a broken rule, or a deal you may not see), or CONFLICT when its "
			+ "version is stale; a refused or conflicting deal is left entirely as it was, the others change.")
	BulkReport.Report bulk(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody BulkRequest request) {
		List<DealBulkEdit.Target> targets = request.deals().stream().map(d -> new DealBulkEdit.Target(d.id(), d.version())).toList();
		BulkChanges c = request.changes();
		List<DealBulkEdit.Result> results = bulk.apply(me, targets,
				new DealBulkEdit.Changes(c.ownerId(), c.stageId(), c.closeDate(), c.forecastCategory()));
		return report.of(results, LocaleContextHolder.getLocale());
	}

	record BulkRequest(@NotNull List<@Valid @NotNull DealVersion> deals, @NotNull @Valid BulkChanges changes) {
	}

	record DealVersion(@NotNull UUID id, @NotNull Integer version) {
	}

	record BulkChanges(@Nullable UUID ownerId, @Nullable UUID stageId, @Nullable LocalDate closeDate,
			@Nullable ForecastCategory forecastCategory) {
	}
}
