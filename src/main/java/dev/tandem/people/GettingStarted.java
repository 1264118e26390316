package dev.tandem.people;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import dev.tandem.people.persistence.Organisations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The admin's checklist of the first steps in Tandem: shown until every step is done or an admin dismisses it for the
 * organisation. Each step is a {@link GettingStartedStep} of the module that owns its data.
 */
@Service
public class GettingStarted {

	private final List<GettingStartedStep> steps;
	private final Organisations organisations;

	GettingStarted(List<GettingStartedStep> steps, Organisations organisations) {
		this.steps = steps.stream().sorted(Comparator.comparingInt(GettingStartedStep::position)).toList();
		this.organisations = organisations;
	}

	/** The checklist for the viewer: empty for anyone but an admin, once dismissed, and once every step is done. */
	public Optional<List<Item>> checklist(CurrentUser viewer) {
		if (!viewer.isAdmin() || organisations.gettingStartedDismissed(viewer.orgId())) {
			return Optional.empty();
		}
		List<Item> items = steps.stream().map(s -> new Item(s.key(), s.href(), s.done(viewer.orgId()))).toList();
		return items.stream().allMatch(Item::done) ? Optional.empty() : Optional.of(items);
	}

	/** Hides the checklist for every admin of the organisation. */
	@Transactional
	public void dismiss(CurrentUser admin) {
		UserManagement.requireAdmin(admin);
		organisations.dismissGettingStarted(admin.orgId());
	}

	/** A step as the admin sees it. */
	public record Item(String key, String href, boolean done) {
	}
}
