package dev.tandem.people.web;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.ApiToken;
import dev.tandem.people.ApiTokenManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.security.AuthenticationGateway;
import dev.tandem.platform.Tenancy;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Lets a script trade an e-mail and password for a personal API token, throttled like the login form, and list
 * and revoke its user's tokens with one.
 */
@RestController
@Tag(name = "Authentication")
class AuthTokenApiController {

	private final AuthenticationGateway gateway;
	private final ApiTokenManagement tokens;
	private final MessageSource messages;

	AuthTokenApiController(AuthenticationGateway gateway, ApiTokenManagement tokens, MessageSource messages) {
		this.gateway = gateway;
		this.tokens = tokens;
		this.messages = messages;
	}

	@PostMapping("/api/v1/auth/tokens")
	@SecurityRequirements
	@Operation(summary = "Create a personal API token with e-mail and password",
			description = "Answers 201 with the token (shown this once), 401 for wrong credentials, 429 after too many failures. "
					+ "With expiresAt (an instant in the next ten years) the token stops working then; without, it lasts until revoked.")
	ResponseEntity<?> create(@Valid @RequestBody TokenRequest request, HttpServletRequest http) {
		try {
			var user = gateway.authenticate(request.email(), request.password(), http);
			if (user.isEmpty()) {
				return problem(HttpStatus.UNAUTHORIZED, "problem.credentials", null);
			}
			// The request signed in nobody: the token is made as the organisation of whom the password proved.
			var created = Tenancy.runAs(user.get().orgId(), () -> tokens.create(user.get(), request.name(), request.expiresAt()));
			return ResponseEntity.created(URI.create("/api/v1/auth/tokens/" + created.id()))
				.body(new TokenCreated(created.id(), created.token(), request.expiresAt()));
		}
		catch (AuthenticationGateway.Throttled ex) {
			return problem(HttpStatus.TOO_MANY_REQUESTS, "problem.throttled", ex.retryAfterSeconds());
		}
	}

	@GetMapping("/api/v1/auth/tokens")
	@Operation(summary = "List your API tokens", description = "Every token of the caller, newest first, revoked ones last: "
			+ "never the secret, only its first characters, with when it was created, last used (to the minute), expires and was revoked.")
	dev.tandem.platform.Listing<ApiToken> list(@AuthenticationPrincipal CurrentUser me) {
		return dev.tandem.platform.Listing.all(tokens.list(me));
	}

	@DeleteMapping("/api/v1/auth/tokens/{id}")
	@Operation(summary = "Revoke one of your API tokens", description = "Answers 204; the token is refused from then on. "
			+ "An unknown or already revoked token answers 404.")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id) {
		tokens.revoke(me, id);
		return ResponseEntity.noContent().build();
	}

	private ResponseEntity<ProblemDetail> problem(HttpStatus status, String key, Long retryAfterSeconds) {
		ProblemDetail problem = ProblemDetail.forStatus(status);
		problem.setTitle(messages.getMessage(key, null, key, LocaleContextHolder.getLocale()));
		var response = ResponseEntity.status(status);
		if (retryAfterSeconds != null) {
			long minutes = Math.max(1, (retryAfterSeconds + 59) / 60);
			problem.setDetail(messages.getMessage("login.throttled", new Object[] { minutes }, LocaleContextHolder.getLocale()));
			response.header("Retry-After", String.valueOf(Math.max(1, retryAfterSeconds)));
		}
		return response.body(problem);
	}

	record TokenRequest(@NotBlank String email, @NotBlank String password, @NotBlank @Size(max = 100) String name,
			@Nullable Instant expiresAt) {
	}

	record TokenCreated(UUID id, String token, @Nullable Instant expiresAt) {
	}
}
