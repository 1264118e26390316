package dev.tandem.crm.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.NewSavedView;
import dev.tandem.crm.SavedView;
import dev.tandem.crm.SavedViewList;
import dev.tandem.crm.SavedViewManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/views")
@Tag(name = "Saved views", description = "A person's saved filters, sort order and columns of a list, private or shared with their team")
class SavedViewApiController {

	private final SavedViewManagement views;

	SavedViewApiController(SavedViewManagement views) {
		this.views = views;
	}

	@GetMapping
	@Operation(summary = "Your views and those your team shares", description = "list: DEALS or ACTIVITIES (all when left out). "
			+ "A shared view is seen by the members of its owner's teams and the owner's line of managers.")
	Listing<SavedView> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable SavedViewList list) {
		return Listing.all(views.visible(me, list));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a view")
	SavedView get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return views.get(me, id);
	}

	@PostMapping
	@Operation(summary = "Save a view", description = "filters: the list's URL parameters (DEALS: owner, stage, status, closedFrom, "
			+ "closedTo, q; ACTIVITIES: owner, type, from, to); sort: one of the list's sort orders; columns (DEALS): account, "
			+ "owner, stage, amount, closeDate, forecast. The name is unique among your views of the list.")
	ResponseEntity<SavedView> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody ViewRequest request) {
		SavedView view = views.create(me, new NewSavedView(request.list(), request.name(), request.filters(), request.sort(),
				request.columns(), Boolean.TRUE.equals(request.shared())));
		return ResponseEntity.created(URI.create("/api/v1/views/" + view.id())).body(view);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Replace a view", description = "Only its owner may; send the version you read: a stale one answers 409 "
			+ "and changes nothing. The list stays what it was.")
	SavedView update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @Valid @RequestBody ViewChange request) {
		return views.update(me, id, request.version(), new NewSavedView(null, request.name(), request.filters(), request.sort(),
				request.columns(), Boolean.TRUE.equals(request.shared())));
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Delete a view", description = "Only its owner may.")
	ResponseEntity<Void> delete(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		views.delete(me, id);
		return ResponseEntity.noContent().build();
	}

	record ViewRequest(@NotNull SavedViewList list, @NotBlank @Size(max = 80) String name, @Nullable Map<String, String> filters,
			@Nullable String sort, @Nullable List<String> columns, @Nullable Boolean shared) {
	}

	record ViewChange(@NotNull Integer version, @NotBlank @Size(max = 80) String name, @Nullable Map<String, String> filters,
			@Nullable String sort, @Nullable List<String> columns, @Nullable Boolean shared) {
	}
}
