package dev.tandem.people.web;

import java.net.URI;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.Operators;
import dev.tandem.people.OrganisationSummary;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The installation's operator opens further organisations ({@link Operators} says who that is); for everyone else, and
 * where {@code tandem.organisations.allow-more} is off, these paths do not exist.
 */
@RestController
@Tag(name = "Operator")
class OperatorApiController {

	private final Operators operators;

	OperatorApiController(Operators operators) {
		this.operators = operators;
	}

	@GetMapping("/api/v1/operator/organisations")
	@Operation(summary = "List the installation's organisations (operator)",
			description = "Every organisation by name, with when it was opened and its number of users. 404 unless the caller's e-mail is in "
					+ "tandem.operator.emails and tandem.organisations.allow-more is true.")
	Listing<OrganisationSummary> list(@AuthenticationPrincipal CurrentUser me) {
		return Listing.all(operators.organisations(me));
	}

	@PostMapping("/api/v1/operator/organisations")
	@Operation(summary = "Open another organisation with its first admin (operator)",
			description = "Answers 201; the same rules as the first run's setup (400 naming the fields). 404 for anyone but the operator.")
	ResponseEntity<SetupApiController.SetupDone> open(@AuthenticationPrincipal CurrentUser me, @RequestBody OrganisationRequest request) {
		operators.organisations(me);
		request.check();
		CurrentUser admin = operators.open(me, request.organisation(), request.adminEmail(), request.adminName(), request.adminPassword());
		return ResponseEntity.created(URI.create("/api/v1/operator/organisations/" + admin.orgId()))
			.body(new SetupApiController.SetupDone(admin.orgId(), admin.id()));
	}
}
