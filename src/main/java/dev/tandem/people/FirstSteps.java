package dev.tandem.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import dev.tandem.people.persistence.Memberships;
import org.springframework.stereotype.Service;

/**
 * The short start list a newcomer sees on Home: their profile, their first activities, the playbook. A newcomer is
 * someone whose first team membership began less than {@value #NEWCOMER_DAYS} days ago; a step that a module can
 * read from data is marked done by its {@link FirstStepCheck}.
 */
@Service
public class FirstSteps {

	static final int NEWCOMER_DAYS = 60;

	private static final List<String[]> STEPS = List.of(new String[] { "profile", "/profile" }, new String[] { "activities", "/log" },
			new String[] { "playbook", "/playbook" });

	private final Memberships memberships;
	private final Visibility visibility;
	private final List<FirstStepCheck> checks;

	FirstSteps(Memberships memberships, Visibility visibility, List<FirstStepCheck> checks) {
		this.memberships = memberships;
		this.visibility = visibility;
		this.checks = checks;
	}

	/** The list for a newcomer; nothing for anyone else. */
	public Optional<List<Step>> forNewcomer(CurrentUser viewer) {
		LocalDate today = visibility.today(viewer.orgId());
		Optional<LocalDate> first = memberships.ofUser(viewer.orgId(), viewer.id()).stream().map(Membership::validFrom).min(LocalDate::compareTo);
		if (first.isEmpty() || !first.get().isAfter(today.minusDays(NEWCOMER_DAYS)) || viewer.isAdmin()) {
			return Optional.empty();
		}
		return Optional.of(STEPS.stream().map(s -> new Step(s[0], s[1], checks.stream()
			.anyMatch(c -> c.key().equals(s[0]) && c.done(viewer)))).toList());
	}

	/** A step of the start list: {@code first-steps.<key>} and {@code first-steps.<key>.text} in the messages. */
	public record Step(String key, String href, boolean done) {
	}
}
