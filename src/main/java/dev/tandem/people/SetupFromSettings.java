package dev.tandem.people;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The headless setup of an automated install: with {@code tandem.setup.organisation-name} set and no organisation yet,
 * opens the organisation and its admin from the {@code tandem.setup.*} settings at start, before the demo would be made.
 * Settings that break a rule stop the start with the rule's message keys, rather than leave an installation nobody can enter.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class SetupFromSettings implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(SetupFromSettings.class);

	private final InstallationSetup setup;
	private final OrganisationManagement organisations;
	private final Environment settings;

	SetupFromSettings(InstallationSetup setup, OrganisationManagement organisations, Environment settings) {
		this.setup = setup;
		this.organisations = organisations;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		String name = settings.getProperty("tandem.setup.organisation-name", "");
		if (name.isBlank() || organisations.anyExists()) {
			return;
		}
		try {
			setup.setUp(new NewOrganisation(name, settings.getProperty("tandem.setup.time-zone", "Europe/Amsterdam"),
					settings.getProperty("tandem.setup.currency", "EUR"), settings.getProperty("tandem.setup.language", "en"),
					settings.getProperty("tandem.setup.fiscal-year-start-month", Integer.class, 1)),
					settings.getRequiredProperty("tandem.setup.admin-email"), settings.getRequiredProperty("tandem.setup.admin-name"),
					settings.getRequiredProperty("tandem.setup.admin-password"));
			log.info("Set up organisation {} from the tandem.setup settings", name);
		}
		catch (InstallationSetup.SetupClosedException ex) {
			log.info("Another node set this installation up; the tandem.setup settings are not applied");
		}
	}
}
