package dev.tandem.forecast;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.forecast.persistence.DealStates;
import dev.tandem.forecast.persistence.Submissions;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.platform.BulkCopy;
import dev.tandem.platform.Ids;
import dev.tandem.platform.Period;
import dev.tandem.platform.Tenancy;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps what was forecast and what the open pipeline was: a snapshot holds every open deal as it stood and the
 * latest submission of every person and team for the month, quarter and year it falls in, with its adjustment.
 * <p>
 * The weekly job runs on every node; the snapshot of a week is one row per organisation with a unique key on the
 * week, so whichever node comes first takes it and the others find it taken. A snapshot can also be taken on demand.
 */
@Service
public class ForecastSnapshots {

	private static final Logger log = LoggerFactory.getLogger(ForecastSnapshots.class);

	private final JdbcClient jdbc;
	private final DealStates states;
	private final Submissions submissions;
	private final BulkCopy copy;
	private final OrganisationManagement organisations;
	private final TransactionTemplate transaction;
	private final Clock clock;

	ForecastSnapshots(JdbcClient jdbc, DealStates states, Submissions submissions, BulkCopy copy, OrganisationManagement organisations,
			TransactionTemplate transaction, Clock clock) {
		this.jdbc = jdbc;
		this.states = states;
		this.submissions = submissions;
		this.copy = copy;
		this.organisations = organisations;
		this.transaction = transaction;
		this.clock = clock;
	}

	/** The weekly run: a snapshot for every organisation that has none for this week yet; one node at a time. */
	@Scheduled(cron = "${tandem.forecast.snapshot-cron:0 0 6 * * MON}")
	@SchedulerLock(name = "forecast-weekly-snapshot", lockAtMostFor = "PT2H", lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")
	public void weekly() {
		List<UUID> orgIds = Tenancy.asSystem(() -> jdbc.sql("select org_id from people_organisation_v").query(UUID.class).list());
		for (UUID orgId : orgIds) {
			try {
				Tenancy.runAs(orgId, () -> transaction.executeWithoutResult(status -> take(orgId, clock.instant(), true)));
			}
			catch (RuntimeException ex) {
				log.warn("Weekly forecast snapshot of {} failed: {}", orgId, ex.getMessage());
			}
		}
	}

	/** A snapshot now, on a manager's or admin's request. */
	@Transactional
	public UUID takeNow(CurrentUser user) {
		if (user.role() == Role.REP || user.role() == Role.PARTNER) {
			// A role that may not is refused (403), as every other role rule is; nothing about the input is wrong.
			throw new AccessDeniedException("Only managers and admins take forecast snapshots");
		}
		return take(user.orgId(), clock.instant(), false);
	}

	/**
	 * Takes a snapshot of the organisation as it stood at {@code at}; a weekly one only if its week has none yet,
	 * answering {@code null} then.
	 */
	@Transactional
	public @Nullable UUID take(UUID orgId, Instant at, boolean weekly) {
		ZoneId zone = organisations.get(orgId).timeZone();
		LocalDate day = LocalDate.ofInstant(at, zone);
		UUID id = Ids.next();
		int inserted = jdbc.sql("""
				insert into forecast_snapshot (org_id, id, taken_at, kind, week) values (:org, :id, :at, :kind, :week)
				on conflict do nothing
				""")
			.param("org", orgId).param("id", id).param("at", java.sql.Timestamp.from(at)).param("kind", weekly ? "WEEKLY" : "ON_DEMAND")
			.param("week", weekly ? day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)) : null).update();
		if (inserted == 0) {
			return null;
		}
		copy.copy("forecast_snapshot_deal", List.of("org_id", "snapshot_id", "deal_id", "owner_id", "stage_id", "category", "amount",
				"close_date"), () -> states.openAt(orgId, at).stream().map(d -> new Object[] { orgId, id, d.dealId(), d.ownerId(),
						d.stageId(), d.category(), d.amount(), d.closeDate() }).iterator());
		int fiscal = organisations.get(orgId).fiscalYearStartMonth();
		List<Object[]> rows = new ArrayList<>();
		for (Period.Kind kind : Period.Kind.values()) {
			for (Submission s : submissions.latestOfAll(orgId, Period.containing(day, kind, fiscal), at)) {
				rows.add(new Object[] { orgId, id, s.id(), s.commit(), s.bestCase(),
						s.adjustment() == null ? null : s.adjustment().commit(), s.adjustment() == null ? null : s.adjustment().bestCase() });
			}
		}
		copy.copy("forecast_snapshot_submission", List.of("org_id", "snapshot_id", "submission_id", "commit_amount", "best_case_amount",
				"adjusted_commit", "adjusted_best_case"), rows);
		return id;
	}
}
