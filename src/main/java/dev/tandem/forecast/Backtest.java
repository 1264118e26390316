package dev.tandem.forecast;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.forecast.persistence.DealStates;
import dev.tandem.forecast.persistence.DealStates.DealState;
import dev.tandem.forecast.persistence.HistoryVersions;
import dev.tandem.forecast.persistence.Submissions;
import dev.tandem.goals.Measurements;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Membership;
import dev.tandem.people.Organisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.Visibility;
import dev.tandem.platform.Period;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Would the statistical forecast have done better than the alternatives? For each of the last closed months, at
 * the start of the month and knowing only what had happened before: the statistical forecast (P10, P50, mean,
 * P90 of the open deals expected to close in the month, from a win model learned then), the naive one (each deal's
 * amount times its stage's default probability) and what the reps had submitted by the third day, each against
 * what was won in the month.
 */
@Service
public class Backtest {

	private final DealStates states;
	private final WinModels models;
	private final Submissions submissions;
	private final Measurements measurements;
	private final TeamManagement teams;
	private final dev.tandem.people.UserManagement users;
	private final OrganisationManagement organisations;
	private final Visibility visibility;
	private final PastPeriods past;
	private final HistoryVersions versions;
	/** The last result per organisation and length, with the month and the history it was computed on. */
	private final Map<String, Kept> cache = new ConcurrentHashMap<>();

	private record Kept(String version, Result result) {
	}

	Backtest(DealStates states, WinModels models, Submissions submissions, Measurements measurements, TeamManagement teams,
			dev.tandem.people.UserManagement users, OrganisationManagement organisations, Visibility visibility, PastPeriods past,
			HistoryVersions versions) {
		this.versions = versions;
		this.states = states;
		this.models = models;
		this.submissions = submissions;
		this.measurements = measurements;
		this.teams = teams;
		this.users = users;
		this.organisations = organisations;
		this.visibility = visibility;
		this.past = past;
	}

	/** One month: the forecasts made at its start and what was won. */
	public record Month(Period period, BigDecimal actual, MonteCarlo.Outcome statistical, BigDecimal naive,
			@Nullable BigDecimal submitted, int openDeals) {

		public boolean withinP10P90() {
			return actual.compareTo(statistical.p10()) >= 0 && actual.compareTo(statistical.p90()) <= 0;
		}
	}

	/** The months and, per method, the mean absolute percentage error and the mean signed error (bias). */
	public record Result(List<Month> months, double statisticalError, double statisticalBias, double naiveError, double naiveBias,
			@Nullable Double submittedError, @Nullable Double submittedBias, double withinP10P90) {
	}

	/**
	 * The backtest of the whole organisation over its last {@code months} closed months. It is kept until the month
	 * ends or the history it stands on changes (a deal, its stage or field history, a submission or an adjustment, or
	 * the memberships): it takes seconds, and the closed months it looks at rarely change.
	 */
	public Result run(CurrentUser viewer, int months) {
		LocalDate today = visibility.today(viewer.orgId());
		String version = Period.containing(today, Period.Kind.MONTH, 1).key() + "/" + versions.of(viewer.orgId()) + "/"
				+ teams.currentMemberships(viewer).hashCode();
		Kept kept = cache.compute(viewer.orgId() + "/" + months,
				(key, old) -> old != null && old.version().equals(version) ? old : new Kept(version, compute(viewer, months, today)));
		return kept.result();
	}

	private Result compute(CurrentUser viewer, int count, LocalDate today) {
		Organisation org = organisations.get(viewer.orgId());
		ZoneId zone = org.timeZone();
		Period current = Period.containing(today, Period.Kind.MONTH, org.fiscalYearStartMonth());
		Map<UUID, List<UUID>> teamOf = new HashMap<>();
		Map<UUID, List<UUID>> members = new HashMap<>();
		for (Membership m : teams.currentMemberships(viewer)) {
			members.computeIfAbsent(m.teamId(), k -> new ArrayList<>()).add(m.userId());
		}
		members.values().forEach(list -> list.forEach(u -> teamOf.put(u, list)));
		List<UUID> everyone = users.all(viewer).stream().map(dev.tandem.people.User::id).toList();
		List<Month> result = new ArrayList<>();
		for (int i = count; i >= 1; i--) {
			Period month = current.shift(-i);
			Instant asOf = month.startAt(zone);
			List<DealState> open = states.openAt(viewer.orgId(), asOf).stream()
				.filter(d -> d.closeDate() != null && month.contains(d.closeDate())).toList();
			WinModel model = models.asOf(viewer.orgId(), asOf);
			PastPeriods.Lessons lessons = past.before(viewer.orgId(), month, Forecasts.POOL.get(Period.Kind.MONTH), zone, today,
					owner -> true);
			List<MonteCarlo.Bet> bets = new ArrayList<>();
			BigDecimal naive = BigDecimal.ZERO;
			for (DealState deal : open) {
				double amount = deal.amount() == null ? 0 : deal.amount().doubleValue();
				double p = model.probability(deal.stageId(), deal.ownerId(), teamOf.getOrDefault(deal.ownerId(), List.of(deal.ownerId())),
						deal.stageEnteredAt() == null ? asOf : deal.stageEnteredAt(), asOf);
				bets.add(new MonteCarlo.Bet(amount, lessons.withinPeriod(p, deal.stageId(), model.organisationRate(deal.stageId()))));
				naive = naive.add(BigDecimal.valueOf(amount * deal.stageProbability() / 100.0));
			}
			MonteCarlo.Outcome statistical = MonteCarlo.simulate(BigDecimal.ZERO, bets, lessons.unplanned(), 1, MonteCarlo.TRIALS,
					month.start().toEpochDay());
			BigDecimal submitted = submissions.latestOfAll(viewer.orgId(), month, asOf.plusSeconds(3 * 86_400)).stream()
				.filter(s -> !s.scope().isTeam()).map(Submission::commit).reduce(BigDecimal::add).orElse(null);
			BigDecimal actual = measurements.measurePeople(viewer.orgId(), everyone, List.of(month), zone).get(month).total().wonRevenue();
			result.add(new Month(month, actual, statistical, naive.setScale(2, java.math.RoundingMode.HALF_UP), submitted, open.size()));
		}
		return new Result(result, error(result, m -> m.statistical().mean(), false), error(result, m -> m.statistical().mean(), true),
				error(result, Month::naive, false), error(result, Month::naive, true),
				result.stream().allMatch(m -> m.submitted() == null) ? null : error(result, Month::submitted, false),
				result.stream().allMatch(m -> m.submitted() == null) ? null : error(result, Month::submitted, true),
				result.isEmpty() ? 0 : (double) result.stream().filter(Month::withinP10P90).count() / result.size());
	}

	private static double error(List<Month> months, java.util.function.Function<Month, @Nullable BigDecimal> forecast, boolean signed) {
		return months.stream().filter(m -> forecast.apply(m) != null && m.actual().signum() > 0).mapToDouble(m -> {
			double error = (forecast.apply(m).doubleValue() - m.actual().doubleValue()) / m.actual().doubleValue();
			return signed ? error : Math.abs(error);
		}).average().orElse(0);
	}
}
