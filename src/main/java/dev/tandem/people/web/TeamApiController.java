package dev.tandem.people.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.NewTeam;
import dev.tandem.people.Team;
import dev.tandem.people.TeamChanges;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.web.ApiResources.TeamResource;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ListRequest;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/teams")
@Tag(name = "Teams", description = "Teams and departments in a hierarchy; changes need the ADMIN role")
class TeamApiController {

	private final TeamManagement teams;

	TeamApiController(TeamManagement teams) {
		this.teams = teams;
	}

	@GetMapping
	@Operation(summary = "List teams and departments", description = "Filter by kind (SALES or a department kind).")
	Listing<TeamResource> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable TeamKind kind) {
		List<Membership> current = teams.currentMemberships(me);
		return teams.list(me, kind, ListRequest.of(limit, cursor)).map(t -> TeamResource.of(t, members(current, t.id())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a team with its current members")
	TeamResource get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return resource(me, teams.get(me, id));
	}

	@PostMapping
	@Operation(summary = "Add a team or department")
	ResponseEntity<TeamResource> create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody CreateTeamRequest request) {
		Team team = teams.create(me, new NewTeam(request.name(), request.kind(), request.parentId(), request.leaderId()));
		return ResponseEntity.created(URI.create("/api/v1/teams/" + team.id())).body(resource(me, team));
	}

	/**
	 * A JSON merge patch: fields left out stay as they are, {@code "parentId": null} makes the team
	 * top-level and {@code "leaderId": null} removes its leader.
	 */
	@PatchMapping("/{id}")
	@Operation(summary = "Change a team", description = "Merge patch with the version you read; a stale version answers 409 and changes nothing.")
	TeamResource update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestBody Map<String, @Nullable Object> patch) {
		Team current = teams.get(me, id);
		Object version = patch.get("version");
		if (!(version instanceof Integer v)) {
			throw InvalidInputException.of("version", "jakarta.validation.constraints.NotNull.message");
		}
		String name = patch.containsKey("name") ? text(patch.get("name"), "name") : current.name();
		TeamKind kind = patch.containsKey("kind") ? kind(patch.get("kind")) : current.kind();
		UUID parentId = patch.containsKey("parentId") ? uuid(patch.get("parentId"), "parentId") : current.parentId();
		UUID leaderId = patch.containsKey("leaderId") ? uuid(patch.get("leaderId"), "leaderId") : current.leaderId();
		return resource(me, teams.update(me, id, new TeamChanges(v, name, kind, parentId, leaderId)));
	}

	private TeamResource resource(CurrentUser me, Team team) {
		return TeamResource.of(team, members(teams.currentMemberships(me), team.id()));
	}

	private static List<UUID> members(List<Membership> memberships, UUID teamId) {
		return memberships.stream().filter(m -> m.teamId().equals(teamId)).map(Membership::userId).toList();
	}

	private static String text(@Nullable Object value, String field) {
		if (!(value instanceof String s) || s.isBlank() || s.length() > 100) {
			throw InvalidInputException.of(field, "validation.text.length", 1, 100);
		}
		return s;
	}

	private static TeamKind kind(@Nullable Object value) {
		try {
			return TeamKind.valueOf(String.valueOf(value));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidInputException(List.of(new FieldProblem("kind", "validation.enum", List.of(TeamKind.values()).toString())));
		}
	}

	private static @Nullable UUID uuid(@Nullable Object value, String field) {
		if (value == null) {
			return null;
		}
		try {
			return UUID.fromString(String.valueOf(value));
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of(field, "validation.uuid");
		}
	}

	record CreateTeamRequest(@NotBlank @Size(max = 100) String name, @NotNull TeamKind kind, @Nullable UUID parentId,
			@Nullable UUID leaderId) {
	}
}
