package dev.tandem.crm.web;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.DealSource;
import dev.tandem.crm.Lead;
import dev.tandem.crm.LeadAssignment;
import dev.tandem.crm.LeadManagement;
import dev.tandem.crm.LeadManagement.Conversion;
import dev.tandem.crm.LeadFilter;
import dev.tandem.crm.LeadManagement.Weight;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.NewLead;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Leads", description = "Leads, their routing log and conversion; routing weights per team")
class LeadApiController {

	private final LeadManagement leads;

	LeadApiController(LeadManagement leads) {
		this.leads = leads;
	}

	@GetMapping("/api/v1/leads")
	@Operation(summary = "List leads", description = "status; owner: me or a user id; unassigned=true for a team's leads "
			+ "nobody could take; q: text in person or company.")
	Listing<Lead> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable LeadStatus status,
			@RequestParam(required = false) @Nullable String owner, @RequestParam(required = false) @Nullable String q,
			@RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return leads.list(me, new LeadFilter(status, ApiParams.owner(me, owner), q, unassigned), ListRequest.of(limit, cursor));
	}

	@GetMapping("/api/v1/leads/{id}")
	@Operation(summary = "Get a lead")
	Lead get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return leads.get(me, id);
	}

	@GetMapping("/api/v1/leads/{id}/routing")
	@Operation(summary = "Why the lead went where it went", description = "Every assignment with rule, candidates and reason.")
	Listing<LeadAssignment> routing(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return Listing.all(leads.routingLog(me, id));
	}

	@PostMapping("/api/v1/leads")
	@Operation(summary = "Add a lead", description = "With teamId it is routed among the team's reps (weighted round-robin, "
			+ "inactive reps skipped); with ownerId it goes to that person; with neither it is yours.")
	ResponseEntity<Lead> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody LeadRequest request) {
		Lead lead = leads.create(me, new NewLead(request.personName(), request.company(), request.email(), request.phone(),
				request.source(), request.campaign(), request.score(), request.teamId(), request.ownerId()), request.customFields());
		return ResponseEntity.created(URI.create("/api/v1/leads/" + lead.id())).body(lead);
	}

	@PatchMapping("/api/v1/leads/{id}")
	@Operation(summary = "Change a lead's status", description = "NEW, CONTACTED, QUALIFIED or DISQUALIFIED (with "
			+ "disqualifiedReason); without status it stays. customFields: the values sent change (null removes one). "
			+ "Conversion is POST /leads/{id}/convert. A stale version answers 409.")
	Lead update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody LeadPatch patch) {
		return leads.changeStatus(me, id, patch.status() == null ? leads.get(me, id).status() : patch.status(),
				patch.disqualifiedReason(), patch.version(), patch.customFields());
	}

	@PostMapping("/api/v1/leads/{id}/assign")
	@Operation(summary = "Reassign a lead", description = "For the owner's manager; logged with rule MANUAL and your reason.")
	Lead assign(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody AssignRequest request) {
		return leads.reassign(me, id, request.ownerId(), request.reason(), request.version());
	}

	@DeleteMapping("/api/v1/leads/{id}")
	@Operation(summary = "Delete a lead", description = "Moves it into the recycle bin with its routing log.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		leads.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/leads/{id}/convert")
	@Operation(summary = "Convert a lead", description = "Links the company's account (or creates it), creates a contact and, "
			+ "with dealTitle, a deal in the first stage.")
	Conversion convert(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody ConvertRequest request) {
		return leads.convert(me, id, request.dealTitle(), request.amount(), request.closeDate(), request.version());
	}

	@GetMapping("/api/v1/teams/{teamId}/routing-weights")
	@Operation(summary = "Routing weights of a team's reps", description = "1 is a full share, 0.5 half (e.g. a newcomer), 0 none.")
	Listing<Weight> weights(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID teamId) {
		return Listing.all(leads.weights(me, teamId));
	}

	@PutMapping("/api/v1/teams/{teamId}/routing-weights/{userId}")
	@Operation(summary = "Set a rep's routing weight", description = "For the team's managers and admins; 0 to 10.")
	Listing<Weight> setWeight(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID teamId, @PathVariable UUID userId,
			@Valid @RequestBody WeightRequest request) {
		leads.setWeight(me, teamId, userId, request.weight());
		return Listing.all(leads.weights(me, teamId));
	}

	record LeadRequest(@NotBlank @Size(max = 200) String personName, @NotBlank @Size(max = 200) String company,
			@Nullable @Size(max = 200) String email, @Nullable @Size(max = 50) String phone, @Nullable DealSource source,
			@Nullable @Size(max = 200) String campaign, @Nullable @Min(0) @Max(100) Integer score, @Nullable UUID teamId, @Nullable UUID ownerId,
			@Nullable Map<String, @Nullable Object> customFields) {
	}

	record LeadPatch(@NotNull Integer version, @Nullable LeadStatus status, @Nullable @Size(max = 300) String disqualifiedReason,
			@Nullable Map<String, @Nullable Object> customFields) {
	}

	record AssignRequest(@NotNull Integer version, @NotNull UUID ownerId, @Nullable @Size(max = 300) String reason) {
	}

	record ConvertRequest(@NotNull Integer version, @Nullable @Size(max = 200) String dealTitle, @Nullable BigDecimal amount,
			@Nullable LocalDate closeDate) {
	}

	record WeightRequest(@NotNull BigDecimal weight) {
	}
}
