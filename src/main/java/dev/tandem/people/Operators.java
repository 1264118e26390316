package dev.tandem.people;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.platform.RecordNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The operator of the installation, who may open further organisations on it: a signed-in user whose e-mail the setting
 * {@code tandem.operator.emails} names, and only where {@code tandem.organisations.allow-more=true}. For anyone else,
 * and everywhere the setting is off, the operator's work does not exist (404), so nobody learns the installation holds more.
 */
@Service
public class Operators {

	private final OrganisationManagement organisations;
	private final boolean allowMore;
	private final Set<String> emails;

	Operators(OrganisationManagement organisations, @Value("${tandem.organisations.allow-more:false}") boolean allowMore,
			@Value("${tandem.operator.emails:}") String emails) {
		this.organisations = organisations;
		this.allowMore = allowMore;
		this.emails = Arrays.stream(emails.split(",")).map(e -> e.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	public boolean isOperator(CurrentUser user) {
		return allowMore && emails.contains(user.email().toLowerCase(Locale.ROOT));
	}

	/** Every organisation of the installation, by name, with when it was opened and its number of users. */
	public List<OrganisationSummary> organisations(CurrentUser operator) {
		check(operator);
		return organisations.summaries();
	}

	/**
	 * Opens another organisation with its first admin, held to the same rules as the first run's setup. The operator does
	 * not join it: its admin signs in with the password given here and adds everyone else.
	 */
	public CurrentUser open(CurrentUser operator, NewOrganisation org, String adminEmail, String adminName, String adminPassword) {
		check(operator);
		return organisations.open(org, adminEmail, adminName, adminPassword);
	}

	private void check(CurrentUser user) {
		if (!isOperator(user)) {
			throw new RecordNotFoundException("operator", user.id());
		}
	}
}
