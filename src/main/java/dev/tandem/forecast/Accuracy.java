package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import dev.tandem.goals.Measurements;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * How close forecasts came, once a period is over (DESIGN.md section 5): at every snapshot taken during the
 * period, the forecast then (what the person or the team's leader said) against what was won in the end.
 * Accuracy = 1 − |forecast − actual| / actual (at least 0); the bias, (forecast − actual) / actual, says whether
 * someone tends to say too much or too little. Over several periods both are weighted by what was won. Coaching
 * input for the person and their manager, not a ranking.
 */
@Service
public class Accuracy {

	private final JdbcClient jdbc;
	private final Measurements measurements;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final ForecastAccess access;

	Accuracy(JdbcClient jdbc, Measurements measurements, OrganisationManagement organisations, Visibility visibility,
			ForecastAccess access) {
		this.jdbc = jdbc;
		this.measurements = measurements;
		this.organisations = organisations;
		this.visibility = visibility;
		this.access = access;
	}

	/**
	 * What a snapshot held of someone's forecast: what they said, and what counted after their manager's adjustment;
	 * {@code rolledUp} when a team had not submitted itself and its members' forecasts stand for it.
	 */
	public record SnapshotForecast(Instant takenAt, BigDecimal said, BigDecimal counted, boolean rolledUp) {
	}

	/**
	 * One closed period: the forecasts at its snapshots, the actual, how close they came, and the mean error and
	 * mean absolute error of its forecasts in money ({@code null} without forecasts).
	 */
	public record PeriodAccuracy(Period period, BigDecimal actual, List<SnapshotForecast> forecasts, @Nullable Double accuracy,
			@Nullable Double bias, @Nullable Double meanError, @Nullable Double meanAbsoluteError) {
	}

	/** The last {@code count} closed periods of the kind, oldest first, for a person or a team. */
	public List<PeriodAccuracy> of(CurrentUser viewer, Scope scope, Period.Kind kind, int count) {
		Organisation org = organisations.get(viewer.orgId());
		LocalDate today = visibility.today(viewer.orgId());
		Period current = Period.containing(today, kind, org.fiscalYearStartMonth());
		List<Period> periods = new ArrayList<>();
		for (int i = count; i >= 1; i--) {
			periods.add(current.shift(-i));
		}
		return of(viewer, scope, periods);
	}

	/** The given closed periods, in the order given, for a person or a team. */
	public List<PeriodAccuracy> of(CurrentUser viewer, Scope scope, List<Period> periods) {
		access.requireVisible(viewer, scope);
		Organisation org = organisations.get(viewer.orgId());
		var measured = measurements.measure(viewer.orgId(), scope, periods, org.timeZone());
		List<PeriodAccuracy> result = new ArrayList<>();
		for (Period period : periods) {
			BigDecimal actual = measured.get(period).total().wonRevenue();
			List<SnapshotForecast> forecasts = forecasts(viewer.orgId(), scope, period, org.timeZone());
			result.add(new PeriodAccuracy(period, actual, forecasts, mean(forecasts, actual, false), mean(forecasts, actual, true),
					forecasts.isEmpty() ? null : forecasts.stream().mapToDouble(f -> f.said().subtract(actual).doubleValue()).average().orElse(0),
					forecasts.isEmpty() ? null
							: forecasts.stream().mapToDouble(f -> f.said().subtract(actual).abs().doubleValue()).average().orElse(0)));
		}
		return result;
	}

	/**
	 * The bias over periods that had forecasts, weighted by what was won: the sum of the periods' mean errors over the
	 * sum of their actuals, so a month in which little was won does not outweigh the others. {@code null} when no
	 * period had forecasts, or nothing was won in those that had.
	 */
	public static @Nullable Double bias(List<PeriodAccuracy> periods) {
		double won = won(periods);
		return won == 0 ? null : periods.stream().filter(p -> p.meanError() != null).mapToDouble(PeriodAccuracy::meanError).sum() / won;
	}

	/** Accuracy over periods that had forecasts, weighted likewise: 1 − Σ mean absolute error / Σ actual, at least 0. */
	public static @Nullable Double accuracy(List<PeriodAccuracy> periods) {
		double won = won(periods);
		return won == 0 ? null
				: Math.max(0, 1 - periods.stream().filter(p -> p.meanAbsoluteError() != null).mapToDouble(PeriodAccuracy::meanAbsoluteError)
					.sum() / won);
	}

	private static double won(List<PeriodAccuracy> periods) {
		return periods.stream().filter(p -> p.meanError() != null).mapToDouble(p -> p.actual().doubleValue()).sum();
	}

	/**
	 * Accuracy of one forecast: 1 − |forecast − actual| / actual, and 0 when the forecast is off by more than the actual;
	 * {@code null} when nothing was won.
	 */
	public static @Nullable Double accuracy(BigDecimal forecast, BigDecimal actual) {
		return actual.signum() == 0 ? null
				: Math.max(0, 1 - Math.abs(forecast.doubleValue() - actual.doubleValue()) / actual.doubleValue());
	}

	/** Signed error of one forecast relative to the actual; {@code null} when nothing was won. */
	public static @Nullable Double bias(BigDecimal forecast, BigDecimal actual) {
		return actual.signum() == 0 ? null : (forecast.doubleValue() - actual.doubleValue()) / actual.doubleValue();
	}

	/**
	 * The forecasts held by the snapshots taken during the period. For a team, a snapshot without a submission of the
	 * team itself holds the roll-up: what its members of that day had said, and what counted after adjustments.
	 */
	private List<SnapshotForecast> forecasts(UUID orgId, Scope scope, Period period, java.time.ZoneId zone) {
		return jdbc.sql("""
				with snapshot as (
				  select sn.id, sn.taken_at from forecast_snapshot sn
				   where sn.org_id = :org and sn.taken_at >= :from and sn.taken_at < :to
				), said as (
				  select sn.id as snapshot_id, s.user_id, s.team_id, ss.commit_amount,
				         coalesce(ss.adjusted_commit, ss.commit_amount) as counted
				    from snapshot sn
				    join forecast_snapshot_submission ss on ss.org_id = :org and ss.snapshot_id = sn.id
				    join forecast_submission s on s.org_id = ss.org_id and s.id = ss.submission_id
				   where s.period_kind = :kind and s.period_start = :start
				)
				select sn.taken_at, own.commit_amount as said, own.counted, false as rolled_up
				  from snapshot sn join said own on own.snapshot_id = sn.id and (own.user_id = :scope or own.team_id = :scope)
				union all
				select sn.taken_at, sum(m.commit_amount), sum(m.counted), true
				  from snapshot sn
				  join said m on m.snapshot_id = sn.id and m.user_id is not null
				 where exists (select 1 from people_team_member_v tm where tm.org_id = :org and tm.team_id = :scope and tm.user_id = m.user_id
				                  and tm.valid_from <= (sn.taken_at at time zone :zone)::date
				                  and (tm.valid_to is null or tm.valid_to > (sn.taken_at at time zone :zone)::date))
				   and not exists (select 1 from said own where own.snapshot_id = sn.id and own.team_id = :scope)
				 group by sn.taken_at
				 order by 1
				""")
			.param("org", orgId).param("from", java.sql.Timestamp.from(period.startAt(zone)))
			.param("to", java.sql.Timestamp.from(period.endAt(zone))).param("scope", scope.id()).param("kind", period.kind().name())
			.param("start", period.start()).param("zone", zone.getId())
			.query((rs, n) -> new SnapshotForecast(rs.getTimestamp("taken_at").toInstant(), rs.getBigDecimal("said"),
					rs.getBigDecimal("counted"), rs.getBoolean("rolled_up")))
			.list();
	}

	private static @Nullable Double mean(List<SnapshotForecast> forecasts, BigDecimal actual, boolean signed) {
		if (forecasts.isEmpty() || actual.signum() == 0) {
			return null;
		}
		return forecasts.stream().mapToDouble(f -> signed ? bias(f.said(), actual) : accuracy(f.said(), actual)).average()
			.orElse(0);
	}
}
