package dev.tandem.people.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.NewUser;
import dev.tandem.people.Role;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserChanges;
import dev.tandem.people.UserManagement;
import dev.tandem.people.persistence.Users.UserFilter;
import dev.tandem.people.web.ApiResources.CreatedUserResource;
import dev.tandem.people.web.ApiResources.UserResource;
import dev.tandem.platform.ListRequest;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
@RequestMapping("/api/v1/users")
@Tag(name = "Users", description = "The organisation's directory; changes need the ADMIN role")
class UserApiController {

	private final UserManagement users;
	private final TeamManagement teams;

	UserApiController(UserManagement users, TeamManagement teams) {
		this.users = users;
		this.teams = teams;
	}

	@GetMapping
	@Operation(summary = "List users", description = "The users you may look up: everyone for an admin; otherwise yourself, "
			+ "the people you manage, your teammates and your line of managers. Filter by role, active, team or a text in name or e-mail.")
	Listing<UserResource> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor, @RequestParam(required = false) @Nullable Role role,
			@RequestParam(required = false) @Nullable Boolean active, @RequestParam(required = false) @Nullable UUID teamId,
			@RequestParam(required = false) @Nullable String q) {
		Listing<User> page = users.directory(me, new UserFilter(role, active, q, teamId), ListRequest.of(limit, cursor));
		Map<UUID, List<UUID>> teamsByUser = teamsByUser(me);
		return page.map(u -> UserResource.of(u, teamsByUser.getOrDefault(u.id(), List.of())));
	}

	@GetMapping("/{id}")
	@Operation(summary = "Get a user")
	UserResource get(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		return resource(me, users.inDirectory(me, id));
	}

	@PostMapping
	@Operation(summary = "Add a user", description = "Without a password, the answer carries an invitation token for /set-password.")
	ResponseEntity<CreatedUserResource> create(@AuthenticationPrincipal CurrentUser me,
			@Valid @RequestBody CreateUserRequest request) {
		var created = users.create(me, new NewUser(request.email(), request.displayName(), request.role(),
				request.locale(), request.password(), request.teamIds() == null ? List.of() : request.teamIds()));
		UserResource user = resource(me, created.user());
		return ResponseEntity.created(URI.create("/api/v1/users/" + user.id()))
			.body(new CreatedUserResource(user.id(), user.email(), user.displayName(), user.role(), user.locale(),
					user.active(), user.version(), user.teamIds(), created.invitationSecret()));
	}

	@PatchMapping("/{id}")
	@Operation(summary = "Change a user", description = "Send the version you read; a stale version answers 409 and changes nothing.")
	UserResource update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody UpdateUserRequest request) {
		User user = users.update(me, id, new UserChanges(request.version(), request.displayName(), request.role(),
				request.locale(), request.active(), request.teamIds(), request.email()));
		return resource(me, user);
	}

	private UserResource resource(CurrentUser me, User user) {
		return UserResource.of(user, teamsByUser(me).getOrDefault(user.id(), List.of()));
	}

	private Map<UUID, List<UUID>> teamsByUser(CurrentUser me) {
		return teams.currentMemberships(me).stream()
			.collect(Collectors.groupingBy(Membership::userId, Collectors.mapping(Membership::teamId, Collectors.toList())));
	}

	record CreateUserRequest(@NotBlank @Email @Size(max = 200) String email, @NotBlank @Size(max = 100) String displayName,
			@NotNull Role role, @Nullable String locale,
			@Nullable String password,
			@Nullable List<UUID> teamIds) {
	}

	record UpdateUserRequest(@NotNull Integer version, @Nullable @Size(min = 1, max = 100) String displayName,
			@Nullable Role role, @Nullable String locale, @Nullable Boolean active, @Nullable List<UUID> teamIds,
			@Nullable @Email @Size(max = 200) String email) {
	}
}
