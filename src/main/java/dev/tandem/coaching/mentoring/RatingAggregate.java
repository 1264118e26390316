package dev.tandem.coaching.mentoring;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The 360 ratings as anyone but the rater sees them: the others' scores per competency as a mean, and their comments,
 * only once at least {@link #MIN_RATERS} raters other than the candidate answered; the candidate's own rating
 * apart. Never who said what: comments are sorted by competency and text, not by rater.
 */
public record RatingAggregate(int answered, boolean shown, Map<Competency, Double> means, @Nullable Double overall,
		Map<Competency, Integer> self, List<Comment> comments) {

	public static final int MIN_RATERS = 3;

	/** A comment without its author. */
	public record Comment(Competency competency, String text) {
	}

	/** One rater's answer: their relation and their score and comment per competency. */
	public record Answer(RaterRelation relation, Map<Competency, Integer> scores, Map<Competency, String> comments) {
	}

	static RatingAggregate of(List<Answer> answers) {
		List<Answer> others = answers.stream().filter(a -> a.relation() != RaterRelation.SELF).toList();
		Map<Competency, Integer> self = new EnumMap<>(Competency.class);
		answers.stream().filter(a -> a.relation() == RaterRelation.SELF).findFirst().ifPresent(a -> self.putAll(a.scores()));
		if (others.size() < MIN_RATERS) {
			return new RatingAggregate(others.size(), false, Map.of(), null, self, List.of());
		}
		Map<Competency, Double> means = new EnumMap<>(Competency.class);
		for (Competency c : Competency.values()) {
			others.stream().filter(a -> a.scores().containsKey(c)).mapToInt(a -> a.scores().get(c)).average()
				.ifPresent(mean -> means.put(c, mean));
		}
		Double overall = means.isEmpty() ? null : means.values().stream().mapToDouble(Double::doubleValue).average().orElse(0);
		List<Comment> comments = new ArrayList<>();
		others.forEach(a -> a.comments().forEach((c, text) -> comments.add(new Comment(c, text))));
		comments.sort(Comparator.comparing(Comment::competency).thenComparing(Comment::text));
		return new RatingAggregate(others.size(), true, means, overall, self, comments);
	}

	/** The competencies with the lowest means (at most {@code count}), for the development areas. */
	public List<Competency> weakest(int count) {
		return means.entrySet().stream().sorted(Map.Entry.<Competency, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
			.limit(count).map(Map.Entry::getKey).toList();
	}
}
