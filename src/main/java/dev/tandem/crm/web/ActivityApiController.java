package dev.tandem.crm.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.crm.Activity;
import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.ActivityManagement.ActivityEdit;
import dev.tandem.crm.Channel;
import dev.tandem.crm.Direction;
import dev.tandem.crm.NewActivity;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import dev.tandem.playbook.ActivityType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/activities")
@Tag(name = "Activities", description = "Calls, e-mails, meetings, demos, proposals, social touches, notes and tasks")
class ActivityApiController {

	private final ActivityManagement activities;

	ActivityApiController(ActivityManagement activities) {
		this.activities = activities;
	}

	@GetMapping
	@Operation(summary = "List activities", description = "owner: me or a user id; type; from/to: time range of occurrence "
			+ "(ISO-8601 instants, to exclusive).")
	Listing<Activity> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable String owner,
			@RequestParam(required = false) @Nullable ActivityType type, @RequestParam(required = false) @Nullable Instant from,
			@RequestParam(required = false) @Nullable Instant to, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		return activities.list(me, ApiParams.owner(me, owner), type, from, to, ListRequest.of(limit, cursor));
	}

	@GetMapping("/my-day")
	@Operation(summary = "My open tasks due today or earlier", description = "Oldest first, overdue ones included.")
	Listing<Activity> myDay(@AuthenticationPrincipal CurrentUser me) {
		return Listing.all(activities.myDay(me));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get an activity")
	Activity get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return activities.get(me, id);
	}

	@PostMapping
	@Operation(summary = "Log an activity", description = "Only type and subject are needed: the channel follows from the type, "
			+ "the time is now, the owner is the deal's owner or you. A TASK takes dueAt and is open until completed. "
			+ "participantIds (colleagues who took part) make it joint. With an Idempotency-Key header, repeating the same "
			+ "request returns the first activity (same id); the same key with another body answers 422.")
	ResponseEntity<Activity> create(@AuthenticationPrincipal CurrentUser me,
			@Parameter(description = "Any unique text, kept 24 hours per user") @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
			@Valid @RequestBody ActivityRequest request) {
		Activity activity = activities.log(me, new NewActivity(request.type(), request.subject(), request.channel(),
				request.direction(), request.notes(), request.outcome(), request.durationMinutes(), request.occurredAt(),
				request.dueAt(), request.dealId(), request.accountId(), request.contactIds(), request.participantIds(),
				request.ownerId()), key);
		return ResponseEntity.created(URI.create("/api/v1/activities/" + activity.id())).body(activity);
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Correct an activity", description = "Send the version you read; a stale version answers 409.")
	Activity update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody ActivityPatch patch) {
		return activities.update(me, id, patch.version(), new ActivityEdit(patch.subject(), patch.notes(), patch.outcome(),
				patch.durationMinutes(), patch.occurredAt(), patch.dueAt()));
	}

	@PostMapping("/{id}/complete")
	@Operation(summary = "Complete a task", description = "It then counts as an activity, done now.")
	Activity complete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody CompleteRequest request) {
		return activities.complete(me, id, request.version(), request.outcome());
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete an activity")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		activities.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	record ActivityRequest(@NotNull ActivityType type, @NotBlank @Size(max = 200) String subject, @Nullable Channel channel,
			@Nullable Direction direction, @Nullable @Size(max = 10000) String notes, @Nullable @Size(max = 500) String outcome,
			@Nullable Integer durationMinutes, @Nullable Instant occurredAt, @Nullable Instant dueAt, @Nullable UUID dealId,
			@Nullable UUID accountId, @Nullable List<UUID> contactIds, @Nullable List<UUID> participantIds,
			@Nullable UUID ownerId) {
	}

	record ActivityPatch(@NotNull Integer version, @Nullable @Size(max = 200) String subject,
			@Nullable @Size(max = 10000) String notes, @Nullable @Size(max = 500) String outcome,
			@Nullable Integer durationMinutes, @Nullable Instant occurredAt, @Nullable Instant dueAt) {
	}

	record CompleteRequest(@NotNull Integer version, @Nullable @Size(max = 500) String outcome) {
	}
}
