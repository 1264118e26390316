package dev.tandem.people;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;

import dev.tandem.people.persistence.Organisations;
import dev.tandem.platform.Tenancy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The first run of an installation without any organisation: opens its organisation and first admin exactly once,
 * from the setup page, the setup API (with the setup token printed in the log) or the {@code tandem.setup.*} settings.
 * Two setups at the same moment, on one node or two sharing the database, race for one row of {@code people_setup}:
 * one wins, the others are refused with {@link SetupClosedException}.
 */
@Service
public class InstallationSetup {

	private static final Logger log = LoggerFactory.getLogger(InstallationSetup.class);

	private final OrganisationManagement organisationManagement;
	private final Organisations organisations;
	private final String token;
	private volatile boolean ready;
	private volatile boolean closed;

	InstallationSetup(OrganisationManagement organisationManagement, Organisations organisations,
			@Value("${tandem.setup.token:}") String token) {
		this.organisationManagement = organisationManagement;
		this.organisations = organisations;
		this.token = token.isBlank() ? Secrets.generate("tdm_setup_") : token;
	}

	/** Setup is offered once the application is ready (a demo being generated is no empty installation) and no organisation exists. */
	public boolean isOpen() {
		if (!ready || closed) {
			return false;
		}
		// Organisations are never deleted: once one exists, setup is over for good.
		closed = organisations.any();
		return !closed;
	}

	/** Whether a caller of the setup API presented this installation's setup token. */
	public boolean tokenMatches(String presented) {
		return MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Opens the installation's first organisation and its admin, held to the same rules as any other.
	 * @throws SetupClosedException when an organisation exists or another setup won the race
	 */
	@Transactional
	public CurrentUser setUp(NewOrganisation org, String adminEmail, String adminName, String adminPassword) {
		// Across organisations: the lock and the question whether any exists belong to the installation, declared.
		boolean claimed = Tenancy.asSystem(() -> organisations.claimSetup() && !organisations.any());
		if (!claimed) {
			closed = true;
			throw new SetupClosedException();
		}
		CurrentUser admin = organisationManagement.open(org, adminEmail, adminName, adminPassword);
		closed = true;
		return admin;
	}

	@EventListener(ApplicationReadyEvent.class)
	void ready() {
		ready = true;
		if (isOpen()) {
			log.info("No organisation yet: set Tandem up at /setup, or with POST /api/v1/setup and the setup token {}", token);
		}
	}

	/** Refused: the installation has its organisation, or another setup got there first. */
	public static class SetupClosedException extends RuntimeException {

		SetupClosedException() {
			super("Setup is done");
		}
	}
}
