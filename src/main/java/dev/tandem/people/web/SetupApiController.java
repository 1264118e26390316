package dev.tandem.people.web;

import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.InstallationSetup;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The headless first run: an automated install opens the organisation and its first admin with the setup token the
 * log printed at start. Without an organisation-less installation and the right token there is nothing here (404).
 */
@RestController
@Tag(name = "Setup")
class SetupApiController {

	private final InstallationSetup setup;

	SetupApiController(InstallationSetup setup) {
		this.setup = setup;
	}

	@PostMapping("/api/v1/setup")
	@SecurityRequirements
	@Operation(summary = "Set up an installation without any organisation",
			description = "With the header X-Setup-Token (printed in the log at start, or the setting tandem.setup.token) opens the "
					+ "organisation and its first admin and answers 201. 404 once an organisation exists, while the application starts "
					+ "or with a wrong token; 409 for a setup that lost the race to another; 400 naming the fields that break a rule.")
	ResponseEntity<SetupDone> setUp(@RequestHeader(name = "X-Setup-Token", defaultValue = "") String token,
			@RequestBody OrganisationRequest request) {
		// The token first, the body after: nobody without it learns anything about what a setup takes.
		if (!setup.isOpen() || !setup.tokenMatches(token)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		request.check();
		try {
			CurrentUser admin = setup.setUp(request.organisation(), request.adminEmail(), request.adminName(), request.adminPassword());
			return ResponseEntity.status(HttpStatus.CREATED).body(new SetupDone(admin.orgId(), admin.id()));
		}
		catch (InstallationSetup.SetupClosedException ex) {
			throw new ResponseStatusException(HttpStatus.CONFLICT);
		}
	}

	record SetupDone(UUID organisationId, UUID adminId) {
	}
}
