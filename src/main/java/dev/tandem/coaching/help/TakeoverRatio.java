package dev.tandem.coaching.help;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import dev.tandem.coaching.TakeoverFigures;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * The takeover ratio of DESIGN.md section 5: of the activities on deals owned by a manager's reps, the share the manager
 * logged without marking it joint with the rep, per period, with the deals behind it. A manager's own coaching signal:
 * the manager sees their own and whoever is in the manager's line (their manager, admins) sees it too; nobody else.
 */
@Service
public class TakeoverRatio implements TakeoverFigures {

	static final int DEALS = 50;

	private final TakeoverQueries queries;
	private final OrganisationManagement organisations;
	private final Visibility visibility;

	TakeoverRatio(TakeoverQueries queries, OrganisationManagement organisations, Visibility visibility) {
		this.queries = queries;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	@Override
	public Takeover takeover(UUID orgId, UUID managerId, LocalDate from, LocalDate to) {
		ZoneId zone = organisations.get(orgId).timeZone();
		return queries.takeover(orgId, managerId, from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(), zone);
	}

	/** The manager's figures for the period, for the viewer who may see them; "not found" for anyone else. */
	public Takeover of(CurrentUser viewer, UUID managerId, Period period) {
		requireVisible(viewer, managerId);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		return queries.takeover(viewer.orgId(), managerId, period.startAt(zone), period.endAt(zone), zone);
	}

	/** The manager's figures per month over the {@code months} months ending with the period's last month. */
	public List<Month> trend(CurrentUser viewer, UUID managerId, Period period, int months) {
		requireVisible(viewer, managerId);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		LocalDate end = period.end();
		LocalDate start = end.minusMonths(months).withDayOfMonth(1);
		List<Month> found = queries.months(viewer.orgId(), managerId, start.atStartOfDay(zone).toInstant(), end.atStartOfDay(zone).toInstant(), zone);
		List<Month> all = new java.util.ArrayList<>();
		for (LocalDate m = start; m.isBefore(end); m = m.plusMonths(1)) {
			LocalDate month = m;
			all.add(found.stream().filter(f -> f.month().equals(month)).findFirst().orElse(new Month(month, new Takeover(0, 0, 0))));
		}
		return all;
	}

	/** The deals behind the period's figures, those the manager took over most first. */
	public List<DealRow> deals(CurrentUser viewer, UUID managerId, Period period) {
		requireVisible(viewer, managerId);
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		return queries.deals(viewer.orgId(), managerId, period.startAt(zone), period.endAt(zone), zone, DEALS);
	}

	/** Whether the viewer may see this manager's ratio: their own, or they are in the manager's line (or an admin). */
	public boolean maySee(CurrentUser viewer, UUID managerId) {
		return visibility.canSee(viewer, managerId);
	}

	private void requireVisible(CurrentUser viewer, UUID managerId) {
		if (!maySee(viewer, managerId)) {
			throw new RecordNotFoundException("manager", managerId);
		}
	}

	/** A month of the takeover figures: its first day and its figures. */
	public record Month(LocalDate month, Takeover figures) {
	}

	/** A deal behind the takeover figures, with the figures of its activities. */
	public record DealRow(UUID dealId, String title, UUID ownerId, String ownerName, @Nullable BigDecimal amount, String status,
			Takeover figures) {
	}
}
