package dev.tandem.crm.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.Deal;
import dev.tandem.crm.DealChanges;
import dev.tandem.crm.DealHistoryEntry;
import dev.tandem.crm.DealManagement;
import dev.tandem.crm.DealQuery;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.MoveResult;
import dev.tandem.crm.NewDeal;
import dev.tandem.crm.NewStakeholder;
import dev.tandem.crm.StageMove;
import dev.tandem.crm.Stakeholder;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.crm.Stance;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.playbook.ForecastCategory;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/deals")
@Tag(name = "Deals", description = "Deals, their stage gate, buying group and history")
class DealApiController {

	private static final Set<String> PATCHABLE = Set.of("title", "amount", "closeDate", "ownerId", "forecastCategory", "nextStep",
			"nextStepDate", "source", "lostReason");

	private final DealManagement deals;
	private final ActivityManagement activities;
	private final MissingText missingText;
	private final JsonMapper json;

	DealApiController(DealManagement deals, ActivityManagement activities, MissingText missingText, JsonMapper json) {
		this.deals = deals;
		this.activities = activities;
		this.missingText = missingText;
		this.json = json;
	}

	@GetMapping
	@Operation(summary = "List deals", description = "owner: me or a user id; stage: a stage id; status: open, won or lost; "
			+ "closedFrom/closedTo: close date range (inclusive); accountId; q: text in title or account.")
	Listing<Deal> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable UUID stage, @RequestParam(required = false) @Nullable DealStatus status,
			@RequestParam(required = false) @Nullable LocalDate closedFrom,
			@RequestParam(required = false) @Nullable LocalDate closedTo,
			@RequestParam(required = false) @Nullable UUID pipeline, @RequestParam(required = false) @Nullable UUID accountId,
			@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return deals.list(me, new DealQuery(ApiParams.owner(me, owner), stage, status, closedFrom, closedTo, pipeline, accountId, q),
				ListRequest.of(limit, cursor));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a deal")
	Deal get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return deals.get(me, id);
	}

	@PostMapping
	@Operation(summary = "Add a deal", description = "Starts in the first stage of the default pipeline unless pipelineId/stageId say "
			+ "otherwise. With an Idempotency-Key header, repeating the same request returns the first deal (201 again, same id); "
			+ "the same key with another body answers 422.")
	ResponseEntity<Deal> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody DealRequest request) {
		Deal deal = deals.create(me, new NewDeal(request.accountId(), request.title(), request.amount(), request.closeDate(),
				request.pipelineId(), request.stageId(), request.ownerId(), request.source(), request.nextStep(),
				request.nextStepDate()), key, request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/deals/" + deal.id())).body(deal);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a deal", description = "Only the fields sent change (null clears); send the version you read: "
			+ "a stale version answers 409 and changes nothing. Stage moves go through POST /deals/{id}/stage. "
			+ "forecastCategory null returns to the stage's default. customFields: the values sent change (null removes one).")
	Deal update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestBody JsonNode body) {
		DealPatch patch = ApiParams.read(json, body, DealPatch.class);
		if (patch.version() == null) {
			throw dev.tandem.platform.InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
		}
		Set<String> present = new HashSet<>(body.propertyNames());
		present.retainAll(PATCHABLE);
		return deals.update(me, id, new DealChanges(patch.version(), present, patch.title(), patch.amount(), patch.closeDate(),
				patch.ownerId(), patch.forecastCategory(), patch.nextStep(), patch.nextStepDate(), patch.source(), patch.lostReason()),
				patch.customFields());
	}

	@PostMapping("/{id}/stage")
	@Operation(summary = "Move a deal to a stage", description = "Checks the stage gate: 200 with the deal and any warnings of a "
			+ "WARN gate; 422 with the missing requirements when a BLOCK gate refuses; 409 when version is stale. Moving backward "
			+ "is always allowed; Won needs amount and close date, Lost a lost reason and close date (they may come along).")
	MoveResponse move(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody MoveRequest request) {
		MoveResult result = deals.move(me, id, new StageMove(request.stageId(), request.version(), request.amount(),
				request.closeDate(), request.lostReason()));
		Locale locale = LocaleContextHolder.getLocale();
		return new MoveResponse(result.deal(), missingText.all(result.warnings(), locale));
	}

	@PostMapping("/{id}/review")
	@Operation(summary = "Mark the deal reviewed", description = "Resets its review-cadence clock.")
	Deal review(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return deals.markReviewed(me, id);
	}

	@PutMapping("/{id}/criteria/{criterionId}")
	@Operation(summary = "Tick or untick an exit criterion", description = "Based on the deal's version like every deal write: "
			+ "200 with the deal (its version moved on), 409 when version is stale, 400 for a criterion the buying group "
			+ "satisfies (one with satisfiedByRole), which cannot be ticked.")
	Deal criterion(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID criterionId,
			@Valid @RequestBody CriterionRequest request) {
		return deals.checkCriteria(me, id, request.version(), Map.of(criterionId, request.checked()));
	}

	@GetMapping("/{id}/history")
	@Operation(summary = "Stage and field history", description = "Every stage change and every change of amount, close date, "
			+ "owner and forecast category, oldest first.")
	Listing<DealHistoryEntry> history(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(deals.history(me, id));
	}

	@GetMapping("/{id}/activities")
	@Operation(summary = "The deal's activities, newest first")
	Listing<Activity> activities(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(activities.ofDeal(me, id));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a deal", description = "Moves it into the recycle bin with its activities; its history and "
			+ "buying group come back with it on restore. A won or lost deal is refused (403) for a rep; a manager or admin may.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		deals.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/{id}/stakeholders")
	@Operation(summary = "The buying group (DMU)")
	Listing<Stakeholder> stakeholders(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(deals.stakeholders(me, id));
	}

	@PostMapping("/{id}/stakeholders")
	@Operation(summary = "Add a contact of the account to the buying group")
	ResponseEntity<Stakeholder> addStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody StakeholderRequest request) {
		Stakeholder stakeholder = deals.addStakeholder(me, id,
				new NewStakeholder(request.contactId(), request.role(), request.influence(), request.stance()));
		return ResponseEntity.created(URI.create("/api/v1/deals/" + id + "/stakeholders/" + stakeholder.id())).body(stakeholder);
	}

	@PatchMapping("/{id}/stakeholders/{stakeholderId}")
	@Operation(summary = "Change a stakeholder's role, influence or stance", description = "Send the version you read.")
	Stakeholder updateStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @PathVariable UUID stakeholderId,
			@Valid @RequestBody StakeholderPatch patch) {
		Stakeholder current = deals.stakeholders(me, id).stream().filter(s -> s.id().equals(stakeholderId)).findFirst()
			.orElseThrow(() -> new dev.tandem.platform.RecordNotFoundException("stakeholder", stakeholderId));
		return deals.updateStakeholder(me, id, stakeholderId, patch.role() == null ? current.role() : patch.role(),
				patch.influence() == null ? current.influence() : patch.influence(),
				patch.stance() == null ? current.stance() : patch.stance(), patch.version());
	}

	@DeleteMapping("/{id}/stakeholders/{stakeholderId}")
	@Operation(summary = "Remove a stakeholder from the buying group")
	ResponseEntity<Void> removeStakeholder(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@PathVariable UUID stakeholderId) {
		deals.removeStakeholder(me, id, stakeholderId);
		return ResponseEntity.noContent().build();
	}

	record DealRequest(@NotNull UUID accountId, @NotBlank @Size(max = 200) String title, @Nullable BigDecimal amount,
			@Nullable LocalDate closeDate, @Nullable UUID pipelineId, @Nullable UUID stageId, @Nullable UUID ownerId,
			@Nullable DealSource source, @Nullable @Size(max = 300) String nextStep, @Nullable LocalDate nextStepDate,
			@Nullable Map<String, @Nullable Object> customFields) {
	}

	record DealPatch(@Nullable Integer version, @Nullable String title, @Nullable BigDecimal amount, @Nullable LocalDate closeDate,
			@Nullable UUID ownerId, @Nullable ForecastCategory forecastCategory, @Nullable String nextStep,
			@Nullable LocalDate nextStepDate, @Nullable DealSource source, @Nullable String lostReason,
			@Nullable Map<String, @Nullable Object> customFields) {
	}

	record MoveRequest(@NotNull UUID stageId, @NotNull Integer version, @Nullable BigDecimal amount, @Nullable LocalDate closeDate,
			@Nullable @Size(max = 300) String lostReason) {
	}

	/** The deal, plus what a warning gate noted as missing. */
	record MoveResponse(@JsonUnwrapped Deal deal, List<String> warnings) {
	}

	record CriterionRequest(boolean checked, @NotNull Integer version) {
	}

	record StakeholderRequest(@NotNull UUID contactId, @NotNull StakeholderRole role, @Nullable Integer influence,
			@Nullable Stance stance) {
	}

	record StakeholderPatch(@NotNull Integer version, @Nullable StakeholderRole role, @Nullable Integer influence,
			@Nullable Stance stance) {
	}
}
