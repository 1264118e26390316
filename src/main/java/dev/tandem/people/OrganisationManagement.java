package dev.tandem.people;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.people.persistence.Organisations;
import dev.tandem.people.persistence.Users;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.RequestMemo;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.platform.Tenancy;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens organisations (tenants) with their first admin, and reads their settings.
 */
@Service
public class OrganisationManagement {

	private final Organisations organisations;
	private final Users users;
	private final PasswordEncoder passwordEncoder;
	private final ApplicationEventPublisher events;
	private final PasswordPolicy passwordPolicy;

	OrganisationManagement(Organisations organisations, Users users, PasswordEncoder passwordEncoder,
			ApplicationEventPublisher events, PasswordPolicy passwordPolicy) {
		this.organisations = organisations;
		this.passwordPolicy = passwordPolicy;
		this.events = events;
		this.users = users;
		this.passwordEncoder = passwordEncoder;
	}

	public boolean anyExists() {
		return organisations.any();
	}

	/** Whether the installation holds a demo organisation, so the sign-in page may offer its logins. */
	public boolean anyDemoExists() {
		return organisations.anyDemo();
	}

	/** Across organisations, for the operator: every organisation with when it was opened and how many users it has. */
	public List<OrganisationSummary> summaries() {
		return organisations.summaries();
	}

	public Organisation get(UUID orgId) {
		return RequestMemo.get("organisation/" + orgId,
				() -> organisations.find(orgId).orElseThrow(() -> new RecordNotFoundException("organisation", orgId)));
	}

	/**
	 * Opens an organisation and its first admin, who can then add everyone else.
	 * @return the admin, ready to act in the new organisation
	 */
	@Transactional
	public CurrentUser open(NewOrganisation org, String adminEmail, String adminName, String adminPassword) {
		return open(org, adminEmail, adminName, adminPassword, true);
	}

	/**
	 * Opens a demo organisation, whose admin's password is not held to the password policy: every demo user has the
	 * published password {@code demo}, too short and too common for anyone else.
	 */
	@Transactional
	public CurrentUser openDemo(NewOrganisation org, String adminEmail, String adminName, String adminPassword) {
		CurrentUser admin = open(org, adminEmail, adminName, adminPassword, false);
		// A demo organisation comes set up, history and all: its admin has no first steps to take.
		Tenancy.runAs(admin.orgId(), () -> organisations.dismissGettingStarted(admin.orgId()));
		return admin;
	}

	private CurrentUser open(NewOrganisation org, String adminEmail, String adminName, String adminPassword,
			boolean passwordPolicyApplies) {
		RequestMemo.forget();
		List<FieldProblem> problems = new ArrayList<>();
		if (organisations.nameTaken(org.name())) {
			problems.add(new FieldProblem("name", "validation.organisation.name-taken"));
		}
		try {
			ZoneId.of(org.timeZone());
		}
		catch (DateTimeException ex) {
			problems.add(new FieldProblem("timeZone", "validation.time-zone.unknown"));
		}
		try {
			Currency.getInstance(org.currency());
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("currency", "validation.currency.unknown"));
		}
		if (!UserManagement.LANGUAGES.contains(org.locale())) {
			problems.add(new FieldProblem("locale", "validation.locale.supported"));
		}
		if (org.fiscalYearStartMonth() < 1 || org.fiscalYearStartMonth() > 12) {
			problems.add(new FieldProblem("fiscalYearStartMonth", "validation.month.range"));
		}
		String email = adminEmail.trim().toLowerCase(Locale.ROOT);
		if (users.emailTaken(email, null)) {
			problems.add(new FieldProblem("email", "validation.email.taken"));
		}
		if (passwordPolicyApplies) {
			passwordPolicy.check("password", adminPassword, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		UUID orgId = Ids.next();
		UUID adminId = Ids.next();
		// Nobody belongs to the new organisation yet: its first rows are written as it, declared.
		Tenancy.runAs(orgId, () -> {
			organisations.insert(new Organisation(orgId, org.name().trim(), ZoneId.of(org.timeZone()), org.currency(),
					org.locale(), org.fiscalYearStartMonth()), !passwordPolicyApplies);
			users.insert(orgId, adminId, email, adminName, Role.ADMIN, org.locale(), true, passwordEncoder.encode(adminPassword), adminName);
			events.publishEvent(new OrganisationOpened(orgId, org.name().trim(), org.locale()));
		});
		return new CurrentUser(orgId, adminId, email, adminName, Role.ADMIN, org.locale());
	}
}
