package dev.tandem.coaching.mentoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.playbook.ActivityType;
import org.jspecify.annotations.Nullable;

/**
 * How well a possible mentor's strengths cover a newcomer's gaps, as a stated score.
 * <p>
 * Stage gaps: the stages where the newcomer converts below the team (each weighted by how far below, with at least
 * {@code minDeals} deals behind it); a newcomer without such a gap (too few deals of their own to tell) gets the team's
 * two weakest stages among those, weighted equally. Activity gaps: the types the newcomer logs less of per month than the team's average rep; a
 * newcomer without a full month yet gets the types the playbook requires. The score is, summed over the stage gaps,
 * the points by which the mentor converts above the team times the gap's share of all stage gaps (so at most the
 * mentor's lead in points), plus for each activity gap 10 points per 100% the mentor logs above the team's average, at
 * most 10 per type.
 */
final class MentorScoring {

	/** A stage's conversion: of {@code entered} deals, {@code conversion} moved on ({@code null} when none entered). */
	record Conversion(long entered, @Nullable Double conversion) {
	}

	/** A stage of the pipeline, with the team's conversion. */
	record StageLine(UUID stageId, String name, Conversion team) {
	}

	/** What someone did: their conversion per stage and their activities per month by type. */
	record Profile(Map<UUID, Conversion> stages, Map<ActivityType, Double> perMonth) {

		Conversion at(UUID stageId) {
			return stages.getOrDefault(stageId, new Conversion(0, null));
		}

		double rate(ActivityType type) {
			return perMonth.getOrDefault(type, 0.0);
		}
	}

	/** A stage gap with its weight (the weights add up to 1); {@code teamWeakest} when taken from the team's figures. */
	record StageGap(UUID stageId, String name, double weight, double teamConversion, boolean teamWeakest) {
	}

	/** The newcomer's gaps. */
	record Gaps(List<StageGap> stages, Set<ActivityType> activities, boolean activitiesFromPlaybook) {
	}

	/** Why a mentor scores: a stage they convert better than the team, or a type they log more of. */
	sealed interface Reason permits StageReason, ActivityReason {
	}

	record StageReason(String stage, double mentor, double team) implements Reason {
	}

	record ActivityReason(ActivityType type, double times) implements Reason {
	}

	record Scored(UUID mentorId, double score, double stagePoints, double activityPoints, List<Reason> reasons) {
	}

	private static final int WEAKEST_STAGES = 2;
	private static final double POINTS_PER_DOUBLING = 10;
	/** A type counts as a reason from 20% above the team's average on. */
	private static final double NOTABLE = 1.2;

	private MentorScoring() {
	}

	static Gaps gaps(List<StageLine> stages, Profile newcomer, Map<ActivityType, Double> teamPerMonth, boolean fullMonth,
			Set<ActivityType> playbookTypes, int minDeals) {
		Map<StageLine, Double> below = new LinkedHashMap<>();
		for (StageLine stage : stages) {
			Conversion mine = newcomer.at(stage.stageId());
			if (stage.team().conversion() != null && mine.entered() >= minDeals && mine.conversion() != null
					&& mine.conversion() < stage.team().conversion()) {
				below.put(stage, stage.team().conversion() - mine.conversion());
			}
		}
		List<StageGap> stageGaps = new ArrayList<>();
		if (!below.isEmpty()) {
			double total = below.values().stream().mapToDouble(Double::doubleValue).sum();
			below.forEach((s, gap) -> stageGaps.add(new StageGap(s.stageId(), s.name(), gap / total, s.team().conversion(), false)));
		}
		else {
			// No gap of their own to go by (too few deals, or none below the team): the team's weakest stages among
			// those the newcomer has too few deals in to tell.
			List<StageLine> weakest = stages.stream()
				.filter(s -> s.team().conversion() != null && s.team().entered() >= minDeals && newcomer.at(s.stageId()).entered() < minDeals)
				.sorted(Comparator.comparingDouble((StageLine s) -> s.team().conversion()).thenComparing(StageLine::name))
				.limit(WEAKEST_STAGES).toList();
			weakest.forEach(s -> stageGaps.add(new StageGap(s.stageId(), s.name(), 1.0 / weakest.size(), s.team().conversion(), true)));
		}
		Set<ActivityType> activityGaps = new java.util.TreeSet<>();
		if (fullMonth) {
			teamPerMonth.forEach((type, rate) -> {
				if (type != ActivityType.NOTE && rate > 0 && newcomer.rate(type) < rate) {
					activityGaps.add(type);
				}
			});
		}
		else {
			activityGaps.addAll(playbookTypes);
		}
		return new Gaps(stageGaps, activityGaps, !fullMonth);
	}

	static Scored score(UUID mentorId, Gaps gaps, Profile mentor, Map<ActivityType, Double> teamPerMonth, int minDeals) {
		List<Reason> reasons = new ArrayList<>();
		double stagePoints = 0;
		for (StageGap gap : gaps.stages()) {
			Conversion theirs = mentor.at(gap.stageId());
			if (theirs.entered() < minDeals || theirs.conversion() == null || theirs.conversion() <= gap.teamConversion()) {
				continue;
			}
			stagePoints += gap.weight() * (theirs.conversion() - gap.teamConversion()) * 100;
			reasons.add(new StageReason(gap.name(), theirs.conversion(), gap.teamConversion()));
		}
		double activityPoints = 0;
		Map<ActivityType, Double> times = new EnumMap<>(ActivityType.class);
		for (ActivityType type : gaps.activities()) {
			double team = teamPerMonth.getOrDefault(type, 0.0);
			if (team <= 0) {
				continue;
			}
			double ratio = mentor.rate(type) / team;
			activityPoints += POINTS_PER_DOUBLING * Math.min(1, Math.max(0, ratio - 1));
			if (ratio >= NOTABLE) {
				times.put(type, ratio);
			}
		}
		times.entrySet().stream().sorted(Map.Entry.<ActivityType, Double>comparingByValue().reversed())
			.forEach(e -> reasons.add(new ActivityReason(e.getKey(), e.getValue())));
		return new Scored(mentorId, stagePoints + activityPoints, stagePoints, activityPoints, reasons);
	}

	/** Highest score first; equal scores by id, so the order is the same every time. */
	static List<Scored> rank(List<Scored> scored) {
		return scored.stream().sorted(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::mentorId)).toList();
	}
}
