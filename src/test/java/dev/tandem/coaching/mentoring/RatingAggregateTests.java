package dev.tandem.coaching.mentoring;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The 3-rater rule of the 360 input, with means computed by hand. */
class RatingAggregateTests {

	@Test
	void twoRatersBesidesTheCandidateShowNothingButTheSelfRating() {
		RatingAggregate aggregate = RatingAggregate.of(List.of(answer(RaterRelation.SELF, 9), answer(RaterRelation.MANAGER, 6),
				answer(RaterRelation.PEER, 7)));

		assertThat(aggregate.shown()).isFalse();
		assertThat(aggregate.answered()).isEqualTo(2);
		assertThat(aggregate.means()).isEmpty();
		assertThat(aggregate.overall()).isNull();
		assertThat(aggregate.comments()).isEmpty();
		assertThat(aggregate.self()).containsEntry(Competency.GIVING_ROOM, 9);
	}

	@Test
	void threeRatersShowTheMeanWithoutTheSelfRating() {
		Map<Competency, Integer> partner = new EnumMap<>(Competency.class);
		for (Competency c : Competency.values()) {
			partner.put(c, 8);
		}
		partner.put(Competency.COLLABORATION, 10);
		RatingAggregate aggregate = RatingAggregate.of(List.of(answer(RaterRelation.SELF, 10), answer(RaterRelation.MANAGER, 6),
				answer(RaterRelation.PEER, 7), new RatingAggregate.Answer(RaterRelation.PARTNER, partner,
						Map.of(Competency.COLLABORATION, "Tells marketing which leads were good"))));

		assertThat(aggregate.shown()).isTrue();
		assertThat(aggregate.answered()).isEqualTo(3);
		// (6 + 7 + 8) / 3 = 7 on five competencies; collaboration (6 + 7 + 10) / 3 = 7.667; overall (5 x 7 + 7.667) / 6.
		assertThat(aggregate.means().get(Competency.GIVING_ROOM)).isCloseTo(7.0, within(1e-9));
		assertThat(aggregate.means().get(Competency.COLLABORATION)).isCloseTo(23.0 / 3, within(1e-9));
		assertThat(aggregate.overall()).isCloseTo((5 * 7.0 + 23.0 / 3) / 6, within(1e-9));
		assertThat(aggregate.comments()).containsExactly(
				new RatingAggregate.Comment(Competency.COLLABORATION, "Tells marketing which leads were good"));
		assertThat(aggregate.weakest(1)).containsExactly(Competency.HELICOPTER_VIEW);
	}

	private static RatingAggregate.Answer answer(RaterRelation relation, int score) {
		Map<Competency, Integer> scores = new EnumMap<>(Competency.class);
		for (Competency c : Competency.values()) {
			scores.put(c, score);
		}
		return new RatingAggregate.Answer(relation, scores, Map.of());
	}
}
