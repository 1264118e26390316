package dev.tandem.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealStatus;
import dev.tandem.demo.DemoCast.Crew;
import dev.tandem.demo.DemoCast.Seller;
import dev.tandem.demo.DemoCast.Stint;
import dev.tandem.goals.GoalLoad;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalStatus;
import dev.tandem.goals.ProposalKind;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;
import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * The goals of the demo organisation for the last year and the running month, derived from what each rep
 * used to achieve, and agreed the way each manager works: Mark sets his team's goals himself, Fatima agrees
 * them with her reps, Brigitte (new in the role) mostly agrees and still has two open this month. Liam's
 * targets stay at his usual level while his results fall away, so his sustained under-performance shows; a
 * steady rep's run of three poor months has one month's goal agreed lower, so his is the only one.
 */
final class DemoGoals {

	private static final Set<ActivityType> CALLS_AND_MEETINGS = Set.of(ActivityType.CALL, ActivityType.MEETING);

	private final DemoRandom random;
	private final ZoneId zone;
	private final LocalDate today;
	private final UUID head;
	private final UUID topTeam;
	private final Map<UUID, String> names;
	private final Map<UUID, Map<YearMonth, BigDecimal>> won = new HashMap<>();
	private final Map<UUID, Map<YearMonth, Long>> touches = new HashMap<>();
	private final List<GoalLoad.GoalRow> goals = new ArrayList<>();
	private final List<GoalLoad.ProposalRow> proposals = new ArrayList<>();
	private List<Seller> cast = List.of();

	DemoGoals(long seed, ZoneId zone, LocalDate today, UUID head, UUID topTeam, Map<UUID, String> names, BulkLoad.Batch history) {
		this.random = new DemoRandom(seed);
		this.zone = zone;
		this.today = today;
		this.head = head;
		this.topTeam = topTeam;
		this.names = names;
		won.putAll(wonByMonth(history));
		for (BulkLoadRows.ActivityRow activity : history.activities()) {
			if (activity.done() && activity.occurredAt() != null && CALLS_AND_MEETINGS.contains(activity.type())) {
				touches.computeIfAbsent(activity.ownerId(), k -> new HashMap<>())
					.merge(YearMonth.from(activity.occurredAt().atZone(zone)), 1L, Long::sum);
			}
		}
	}

	/** Goals for the twelve months before this one and this month; answers them with their agreement steps. */
	void play(List<Crew> crews, List<Seller> sellers) {
		cast = List.copyOf(sellers);
		YearMonth current = YearMonth.from(today);
		Map<UUID, Map<YearMonth, BigDecimal>> teamTargets = new LinkedHashMap<>();
		for (Seller seller : sellers) {
			Map.Entry<YearMonth, BigDecimal> eased = easedMonth(seller, current);
			for (int back = 12; back >= 0; back--) {
				YearMonth month = current.minusMonths(back);
				LocalDate first = month.atDay(1);
				Stint stint = seller.stintOn(first.isBefore(seller.start()) ? seller.start() : first);
				if (stint == null || month.isBefore(YearMonth.from(seller.start()))) {
					continue;
				}
				Crew crew = stint.crew();
				BigDecimal usual = usualRevenue(seller, stint);
				long usualTouches = usualTouches(seller, stint);
				// Targets sit a little under what the rep usually wins: challenging in a slow month, reachable in a normal one.
				BigDecimal revenue = seller.style().rampFrom() != null ? rampTarget(seller, month)
						: round(usual.multiply(new BigDecimal("0.9")), 1000);
				if (month.equals(eased.getKey())) {
					revenue = eased.getValue();
				}
				if (crew.segment() == DemoCast.Segment.INSIDE) {
					if (revenue.signum() > 0) {
						revenueGoal(seller, crew, Scope.user(seller.id()), period(month), month, revenue, back == 0);
					}
				}
				else if (month.getMonthValue() % 3 == 1 || back == 12) {
					// Field reps close a few large deals a quarter, so their revenue goals are quarterly.
					Period quarter = Period.containing(month.atDay(1), Period.Kind.QUARTER, 1);
					if (goals.stream().noneMatch(g -> g.scope().id().equals(seller.id()) && g.period().equals(quarter))) {
						revenueGoal(seller, crew, Scope.user(seller.id()), quarter, YearMonth.from(quarter.start()),
								round(usual.multiply(new BigDecimal("2.7")), 5000), false);
					}
				}
				teamTargets.computeIfAbsent(crew.teamId(), k -> new LinkedHashMap<>()).merge(month, revenue, BigDecimal::add);
				if (usualTouches > 0) {
					activityGoal(seller, crew, month, usualTouches);
				}
			}
		}
		// Team goals per month and per quarter, a little above the sum of the members' (the gap the page shows).
		Map<YearMonth, BigDecimal> all = new LinkedHashMap<>();
		teamTargets.forEach((team, months) -> {
			months.forEach((month, sum) -> {
				BigDecimal target = round(sum.multiply(new BigDecimal("1.05")), 5000);
				add(Scope.team(team), GoalMetric.WON_REVENUE, Set.of(), period(month), target, head, ProposalKind.SET, true, month, null);
				all.merge(month, target, BigDecimal::add);
			});
			quarters(months).forEach((quarter, sum) -> add(Scope.team(team), GoalMetric.WON_REVENUE, Set.of(), quarter, round(sum, 10000),
					head, ProposalKind.SET, true, YearMonth.from(quarter.start()), null));
		});
		quarters(all).forEach((quarter, sum) -> add(Scope.team(topTeam), GoalMetric.WON_REVENUE, Set.of(), quarter, round(sum, 10000),
				head, ProposalKind.SET, true, YearMonth.from(quarter.start()), null));
	}

	/**
	 * A steady rep of Inside Sales (neither sliding nor ramping up) whose last three months all fell under 70 % of
	 * their usual target would show a sustained under-performance the story does not tell, on the days the draws
	 * make it so. The best of those months then had a lower goal agreed, one the rep reached at 80 %: answers that
	 * month and goal, or an entry of no month when none is needed. No number is drawn for it, so the rest of the story
	 * stays as it is.
	 */
	private Map.Entry<YearMonth, BigDecimal> easedMonth(Seller seller, YearMonth current) {
		Map.Entry<YearMonth, BigDecimal> none = Map.entry(current.plusMonths(1), BigDecimal.ZERO);
		if (seller.style().declineFrom() != null || seller.style().rampFrom() != null) {
			return none;
		}
		Map<YearMonth, BigDecimal> byMonth = won.getOrDefault(seller.id(), Map.of());
		YearMonth best = null;
		for (int back = 1; back <= 3; back++) {
			YearMonth month = current.minusMonths(back);
			Stint stint = seller.stintOn(month.atDay(1));
			if (stint == null || stint.crew().segment() != DemoCast.Segment.INSIDE || month.isBefore(YearMonth.from(seller.start()))) {
				return none;
			}
			BigDecimal target = round(usualRevenue(seller, stint).multiply(new BigDecimal("0.9")), 1000);
			BigDecimal result = byMonth.getOrDefault(month, BigDecimal.ZERO);
			if (result.compareTo(target.multiply(new BigDecimal("0.7"))) >= 0) {
				return none;
			}
			if (best == null || result.compareTo(byMonth.getOrDefault(best, BigDecimal.ZERO)) > 0) {
				best = month;
			}
		}
		BigDecimal result = byMonth.getOrDefault(best, BigDecimal.ZERO);
		if (result.signum() == 0) {
			return none;
		}
		BigDecimal lower = result.divide(new BigDecimal("0.8"), 0, RoundingMode.DOWN).divide(BigDecimal.valueOf(1000), 0, RoundingMode.DOWN)
			.multiply(BigDecimal.valueOf(1000)).max(BigDecimal.valueOf(1000)).setScale(2);
		return Map.entry(best, lower);
	}

	/** Monthly figures per quarter: their average times three, so the running quarter has its goal too. */
	private static Map<Period, BigDecimal> quarters(Map<YearMonth, BigDecimal> months) {
		Map<Period, BigDecimal> sums = new LinkedHashMap<>();
		Map<Period, Integer> counts = new HashMap<>();
		months.forEach((month, value) -> {
			Period quarter = Period.containing(month.atDay(1), Period.Kind.QUARTER, 1);
			sums.merge(quarter, value, BigDecimal::add);
			counts.merge(quarter, 1, Integer::sum);
		});
		sums.replaceAll((q, sum) -> sum.multiply(BigDecimal.valueOf(3)).divide(BigDecimal.valueOf(counts.get(q)), 2, RoundingMode.HALF_UP));
		return sums;
	}

	List<GoalLoad.GoalRow> goals() {
		return goals;
	}

	List<GoalLoad.ProposalRow> proposals() {
		return proposals;
	}

	private void revenueGoal(Seller seller, Crew crew, Scope scope, Period period, YearMonth month, BigDecimal target, boolean running) {
		UUID manager = manager(crew, month);
		String name = names.get(seller.id());
		if (crew.takesOver()) {
			add(scope, GoalMetric.WON_REVENUE, Set.of(), period, target, manager, ProposalKind.SET, true, month, null);
			return;
		}
		if (running && name.startsWith("Noah")) {
			pending(scope, period, target, seller.id(), "First full month on my own; the pipeline is still thin.", month);
			return;
		}
		if (running && name.startsWith("Julia")) {
			BigDecimal proposed = target.subtract(new BigDecimal("4000"));
			UUID id = add(scope, GoalMetric.WON_REVENUE, Set.of(), period, proposed, seller.id(), ProposalKind.PROPOSED, false, month,
					"This month is usually quiet for my accounts.");
			Instant countered = proposedAt(month).plusSeconds(86_400);
			proposals.add(new GoalLoad.ProposalRow(id, manager, ProposalKind.COUNTERED, target, "Your pipeline for this month covers more than that; let's look at it together on Monday.", countered));
			replace(id, target, null, GoalStatus.AWAITING_OWNER, countered, manager);
			return;
		}
		boolean counter = random.chance(0.25);
		BigDecimal proposed = counter ? round(target.multiply(new BigDecimal("0.85")), 1000) : target;
		UUID id = add(scope, GoalMetric.WON_REVENUE, Set.of(), period, proposed, seller.id(), ProposalKind.PROPOSED, false, month,
				counter ? "A quieter month expected." : null);
		Instant answered = proposedAt(month).plusSeconds(86_400);
		if (counter) {
			proposals.add(new GoalLoad.ProposalRow(id, manager, ProposalKind.COUNTERED, target, null, answered));
			proposals.add(new GoalLoad.ProposalRow(id, seller.id(), ProposalKind.ACCEPTED, target, null, answered.plusSeconds(7200)));
		}
		else {
			proposals.add(new GoalLoad.ProposalRow(id, manager, ProposalKind.ACCEPTED, target, null, answered));
		}
		replace(id, target, target, GoalStatus.AGREED, answered, counter ? seller.id() : manager);
	}

	private void activityGoal(Seller seller, Crew crew, YearMonth month, long usual) {
		BigDecimal target = round(BigDecimal.valueOf(usual).multiply(new BigDecimal("1.05")), 5);
		UUID manager = manager(crew, month);
		add(Scope.user(seller.id()), GoalMetric.ACTIVITIES, CALLS_AND_MEETINGS, period(month), target, manager, ProposalKind.SET,
				true, month, null);
	}

	private void pending(Scope scope, Period period, BigDecimal target, UUID author, String note, YearMonth month) {
		UUID id = add(scope, GoalMetric.WON_REVENUE, Set.of(), period, target, author, ProposalKind.PROPOSED, false, month, note);
		replace(id, target, null, GoalStatus.AWAITING_MANAGER, proposedAt(month), author);
	}

	/** Adds a goal agreed (or set) in one step, or proposed when the kind is PROPOSED; answers its id. */
	private UUID add(Scope scope, GoalMetric metric, Set<ActivityType> types, Period period, BigDecimal target, UUID author,
			ProposalKind kind, boolean setByManager, YearMonth month, @Nullable String note) {
		Instant at = proposedAt(month);
		UUID id = random.idAt(at);
		boolean agreed = kind == ProposalKind.SET;
		goals.add(new GoalLoad.GoalRow(id, scope, metric, types, period, target, agreed ? target : null,
				agreed ? GoalStatus.AGREED : GoalStatus.AWAITING_MANAGER, setByManager, at, names.getOrDefault(author, "Tandem"), null));
		proposals.add(new GoalLoad.ProposalRow(id, author, kind, target, note, at));
		return id;
	}

	private void replace(UUID id, BigDecimal target, @Nullable BigDecimal agreed, GoalStatus status, Instant at, UUID by) {
		goals.replaceAll(g -> g.id().equals(id) ? new GoalLoad.GoalRow(g.id(), g.scope(), g.metric(), g.activityTypes(), g.period(),
				target, agreed, status, g.setByManager(), at, names.getOrDefault(by, "Tandem"), g.productId()) : g);
	}

	/** Who agreed a team's goals in a month: its leader from when they led it, before that the head of sales. */
	private UUID manager(Crew crew, YearMonth month) {
		UUID leader = crew.managerOn(month.atEndOfMonth());
		return leader != null ? leader : head;
	}

	/**
	 * What the rep usually won in a month in this team, before any slide: the average of up to twelve months of
	 * the stint, after its first three (when a pipeline is still being built) and before the running month.
	 */
	private BigDecimal usualRevenue(Seller seller, Stint stint) {
		List<YearMonth> months = usualMonths(seller, stint);
		int index = seller.stints().indexOf(stint);
		if (months.isEmpty() && index > 0) {
			// Moved teams recently: the manager sets what a steady rep of the new team usually wins, since deals in
			// another segment are of another size.
			return teamLevel(seller, stint.crew());
		}
		Map<YearMonth, BigDecimal> byMonth = won.getOrDefault(seller.id(), Map.of());
		BigDecimal sum = months.stream().map(m -> byMonth.getOrDefault(m, BigDecimal.ZERO)).reduce(BigDecimal.ZERO, BigDecimal::add);
		return months.isEmpty() ? BigDecimal.valueOf(10_000) : sum.divide(BigDecimal.valueOf(months.size()), 0, RoundingMode.HALF_UP);
	}

	/** The median of what the team's other reps usually win, leaving out those sliding or still ramping up. */
	private BigDecimal teamLevel(Seller mover, Crew crew) {
		List<BigDecimal> levels = new ArrayList<>();
		for (Seller other : cast) {
			for (Stint stint : other.stints()) {
				if (other != mover && stint.crew() == crew && other.style().declineFrom() == null && other.style().rampFrom() == null
						&& !usualMonths(other, stint).isEmpty()) {
					levels.add(usualRevenue(other, stint));
				}
			}
		}
		if (levels.isEmpty()) {
			return BigDecimal.valueOf(10_000);
		}
		levels.sort(null);
		return levels.get(levels.size() / 2);
	}

	private long usualTouches(Seller seller, Stint stint) {
		List<YearMonth> months = usualMonths(seller, stint);
		int index = seller.stints().indexOf(stint);
		if (months.isEmpty() && index > 0) {
			return usualTouches(seller, seller.stints().get(index - 1));
		}
		if (months.isEmpty() && seller.style().rampFrom() != null) {
			return 100;
		}
		Map<YearMonth, Long> byMonth = touches.getOrDefault(seller.id(), Map.of());
		return months.isEmpty() ? 0 : months.stream().mapToLong(m -> byMonth.getOrDefault(m, 0L)).sum() / months.size();
	}

	private List<YearMonth> usualMonths(Seller seller, Stint stint) {
		YearMonth end = YearMonth.from(today);
		if (seller.style().declineFrom() != null) {
			end = YearMonth.from(seller.style().declineFrom());
		}
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(stint.from()).plusMonths(6); months.size() < 12 && m.isBefore(end)
				&& (stint.to() == null || m.isBefore(YearMonth.from(stint.to()))); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/** A newcomer has no revenue goal in the first month, then one that grows month by month. */
	private BigDecimal rampTarget(Seller seller, YearMonth month) {
		long months = java.time.temporal.ChronoUnit.MONTHS.between(YearMonth.from(seller.start()), month);
		return months < 1 ? BigDecimal.ZERO : BigDecimal.valueOf(4000L * Math.min(months + 1, 4));
	}

	private Instant proposedAt(YearMonth month) {
		LocalDate day = month.atDay(1).minusDays(3);
		return day.atTime(16, 30).atZone(zone).toInstant();
	}

	private static Period period(YearMonth month) {
		return Period.containing(month.atDay(1), Period.Kind.MONTH, 1);
	}

	private static BigDecimal round(BigDecimal value, int unit) {
		BigDecimal rounded = value.divide(BigDecimal.valueOf(unit), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(unit));
		return (rounded.signum() > 0 ? rounded : BigDecimal.valueOf(unit)).setScale(2);
	}

	/** What each seller won per calendar month in the history. */
	static Map<UUID, Map<YearMonth, BigDecimal>> wonByMonth(BulkLoad.Batch history) {
		Map<UUID, Map<YearMonth, BigDecimal>> won = new HashMap<>();
		for (BulkLoadRows.DealRow deal : history.deals()) {
			if (deal.status() == DealStatus.WON && deal.amount() != null && deal.closeDate() != null) {
				won.computeIfAbsent(deal.ownerId(), k -> new HashMap<>()).merge(YearMonth.from(deal.closeDate()), deal.amount(), BigDecimal::add);
			}
		}
		return won;
	}
}
