package dev.tandem.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.demo.DemoCast.Crew;
import dev.tandem.demo.DemoCast.Seller;
import dev.tandem.demo.DemoCast.Stint;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.forecast.ForecastLoad.AdjustmentRow;
import dev.tandem.forecast.ForecastLoad.SubmissionRow;
import dev.tandem.goals.Scope;
import dev.tandem.platform.Period;

/**
 * A year of forecast calls in the demo organisation. Each rep submits on the last working day before a month
 * starts, the team leaders after them, and the reps update mid-month; how far their word is from what they then win is their bias: Sanne and Liam say too much, Daan too
 * little (he sandbags), Thomas is close. Brigitte has adjusted Sanne's commit since she leads the team, Fatima
 * Bram's; each team's leader submits the team's roll-up, the head of sales the company's. This month Noah has not
 * submitted yet and neither has Brigitte, so her forecast call is still to do. Nothing is placed after the moment the
 * demo is created, and the running month's first calls come before it starts, so the story holds on any day.
 */
final class DemoForecasts {

	private static final Map<String, Double> BIAS = Map.ofEntries(Map.entry("Sanne Bakker", 1.30), Map.entry("Liam Mulder", 1.35),
			Map.entry("Daan Visser", 0.80), Map.entry("Thomas Hendriks", 0.97), Map.entry("Ruben de Graaf", 1.40),
			Map.entry("Bram Maes", 1.30), Map.entry("Anouk Peters", 0.90), Map.entry("Emma de Boer", 1.0),
			Map.entry("Julia Bos", 1.08), Map.entry("Lotte Smit", 0.95));

	private final DemoRandom random;
	private final ZoneId zone;
	private final Instant now;
	private final LocalDate today;
	private final UUID head;
	private final UUID topTeam;
	private final Map<UUID, String> names;
	private final Map<UUID, Map<YearMonth, BigDecimal>> won = new HashMap<>();
	private final List<SubmissionRow> submissions = new ArrayList<>();
	private final List<AdjustmentRow> adjustments = new ArrayList<>();

	DemoForecasts(long seed, ZoneId zone, Instant now, UUID head, UUID topTeam, Map<UUID, String> names, BulkLoad.Batch history) {
		this.random = new DemoRandom(seed);
		this.zone = zone;
		this.now = now;
		this.today = LocalDate.ofInstant(now, zone);
		this.head = head;
		this.topTeam = topTeam;
		this.names = names;
		won.putAll(DemoGoals.wonByMonth(history));
	}

	void play(List<Crew> crews, List<Seller> sellers) {
		YearMonth current = YearMonth.from(today);
		for (int back = 12; back >= 0; back--) {
			YearMonth month = current.minusMonths(back);
			Period period = Period.containing(month.atDay(1), Period.Kind.MONTH, 1);
			boolean running = back == 0;
			Map<UUID, BigDecimal> teamFirst = new LinkedHashMap<>();
			Map<UUID, BigDecimal> teamSecond = new LinkedHashMap<>();
			for (Seller seller : sellers) {
				Stint stint = seller.stintOn(month.atDay(1));
				if (stint == null || (running && names.get(seller.id()).startsWith("Noah"))) {
					continue;
				}
				double bias = BIAS.getOrDefault(names.get(seller.id()), 1.0 + random.between(-0.08, 0.08));
				// A rep knows their deals, not the month's outcome: at the start their word leans on what they won lately
				// as much as on what the month will bring; by mid-month they see it better.
				BigDecimal lately = recent(seller.id(), month);
				BigDecimal actual = running ? lately : won.getOrDefault(seller.id(), Map.of()).getOrDefault(month, BigDecimal.ZERO);
				BigDecimal first = round(blend(lately, actual, 0.7).multiply(BigDecimal.valueOf(bias * random.between(0.9, 1.1))));
				Instant firstAt = lastWorkdayBefore(month.atDay(1), 15);
				SubmissionRow one = submit(Scope.user(seller.id()), period, 1, first, BigDecimal.ZERO, seller.id(), firstAt,
						running ? null : note(bias));
				BigDecimal counted = adjust(seller, stint.crew(), month, one, firstAt);
				teamFirst.merge(stint.crew().teamId(), counted, BigDecimal::add);
				Instant secondAt = workday(month.atDay(1), 10, 10);
				if (secondAt.isBefore(now)) {
					// This month the update is what they said, nudged, and at least what they have won so far.
					BigDecimal wonNow = won.getOrDefault(seller.id(), Map.of()).getOrDefault(month, BigDecimal.ZERO);
					BigDecimal second = running ? round(first.multiply(BigDecimal.valueOf(random.between(0.9, 1.05))).max(wonNow))
							: round(blend(lately, actual, 0.85).multiply(BigDecimal.valueOf((1 + (bias - 1) * 0.4) * random.between(0.93, 1.07))));
					SubmissionRow two = submit(Scope.user(seller.id()), period, 2, second,
							running ? wonNow : round(actual.multiply(new BigDecimal("0.45"))), seller.id(), secondAt, null);
					teamSecond.merge(stint.crew().teamId(), adjust(seller, stint.crew(), month, two, secondAt), BigDecimal::add);
				}
			}
			BigDecimal company = teamFirst.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
			for (Crew crew : crews) {
				UUID leader = crew.managerOn(month.atDay(1));
				// Brigitte, new in the role, still has this month's forecast call to do.
				boolean stillToDo = running && crew.managerFrom() != null;
				if (leader == null || !teamFirst.containsKey(crew.teamId()) || stillToDo) {
					continue;
				}
				BigDecimal total = teamFirst.get(crew.teamId());
				submit(Scope.team(crew.teamId()), period, 1, total, BigDecimal.ZERO, leader, lastWorkdayBefore(month.atDay(1), 17), null);
				Instant teamSecondAt = workday(month.atDay(1), 11, 11);
				if (teamSecond.containsKey(crew.teamId()) && teamSecondAt.isBefore(now)) {
					submit(Scope.team(crew.teamId()), period, 2, teamSecond.get(crew.teamId()), BigDecimal.ZERO, leader,
							teamSecondAt, null);
				}
			}
			if (!running && company.signum() > 0) {
				submit(Scope.team(topTeam), period, 1, company, BigDecimal.ZERO, head, workday(month.atDay(1), 3, 9), null);
			}
		}
	}

	/** Managers who have learned a rep's bias adjust the rep's commit, with the reason. */
	private BigDecimal adjust(Seller seller, Crew crew, YearMonth month, SubmissionRow submission, Instant at) {
		String name = names.get(seller.id());
		UUID manager = crew.managerOn(month.atDay(1));
		boolean lately = !month.isBefore(YearMonth.from(today).minusMonths(3));
		if (manager == null || !lately || !(name.startsWith("Sanne") || name.startsWith("Bram"))) {
			return submission.commit();
		}
		BigDecimal adjusted = round(submission.commit().multiply(new BigDecimal("0.78")));
		String reason = name.startsWith("Sanne") ? "Sanne's proposals close at about half the team's rate; I count 78% of her commit."
				: "Bram's commit has come in a quarter too high for months; I count 78% until we have reviewed his deals.";
		adjustments.add(new AdjustmentRow(random.idAt(at), submission.id(), adjusted, adjusted.max(submission.bestCase()), reason, manager,
				at.plusSeconds(7_200)));
		return adjusted;
	}

	private SubmissionRow submit(Scope scope, Period period, int revision, BigDecimal commit, BigDecimal wonSoFar, UUID by, Instant at,
			String note) {
		BigDecimal bestCase = round(commit.multiply(new BigDecimal("1.3")));
		SubmissionRow row = new SubmissionRow(random.idAt(at), scope, period, revision, commit, bestCase, wonSoFar,
				bestCase.subtract(wonSoFar).max(BigDecimal.ZERO), note, by, at);
		submissions.add(row);
		return row;
	}

	/** {@code weight} of the outcome and the rest of what was won lately. */
	private static BigDecimal blend(BigDecimal lately, BigDecimal outcome, double weight) {
		return lately.multiply(BigDecimal.valueOf(1 - weight)).add(outcome.multiply(BigDecimal.valueOf(weight)));
	}

	/** What the rep won on average in the three months before, for a month not over yet. */
	private BigDecimal recent(UUID seller, YearMonth month) {
		Map<YearMonth, BigDecimal> months = won.getOrDefault(seller, Map.of());
		BigDecimal sum = BigDecimal.ZERO;
		for (int i = 1; i <= 3; i++) {
			sum = sum.add(months.getOrDefault(month.minusMonths(i), BigDecimal.ZERO));
		}
		return sum.divide(BigDecimal.valueOf(3), 2, RoundingMode.HALF_UP);
	}

	private String note(double bias) {
		return bias > 1.2 ? random.pick(List.of("Two big ones should land this month.", "Strong month coming.", "Lots in Negotiation."))
				: bias < 0.9 ? random.pick(List.of("Being careful this month.", "Only counting what is signed-ready."))
						: null;
	}

	/** The last working day before {@code first}, at the hour, in the organisation's zone. */
	private Instant lastWorkdayBefore(LocalDate first, int hour) {
		LocalDate day = first.minusDays(1);
		while (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			day = day.minusDays(1);
		}
		return day.atTime(hour, 0).atZone(zone).toInstant();
	}

	/** The {@code n}th working day of the month from {@code first}, at the hour, in the organisation's zone. */
	private Instant workday(LocalDate first, int n, int hour) {
		LocalDate day = first;
		int counted = 0;
		while (true) {
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY && ++counted == n) {
				break;
			}
			day = day.plusDays(1);
		}
		return day.atTime(hour, 0).atZone(zone).toInstant();
	}

	private static BigDecimal round(BigDecimal value) {
		return value.divide(BigDecimal.valueOf(500), 0, RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(500)).setScale(2);
	}

	List<SubmissionRow> submissions() {
		return submissions;
	}

	List<AdjustmentRow> adjustments() {
		return adjustments;
	}

	/** The Mondays of the last {@code weeks} weeks, at six in the morning: when the weekly snapshots were taken. */
	List<Instant> snapshotTimes(int weeks) {
		List<Instant> times = new ArrayList<>();
		LocalDate monday = today.with(java.time.temporal.TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		for (int i = weeks - 1; i >= 0; i--) {
			Instant at = monday.minusWeeks(i).atTime(6, 0).atZone(zone).toInstant();
			if (at.isBefore(now)) {
				times.add(at);
			}
		}
		return times;
	}
}
