package dev.tandem.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.mentoring.Competency;
import dev.tandem.coaching.mentoring.MentoringManagement;
import dev.tandem.coaching.mentoring.NewAnswer;
import dev.tandem.coaching.mentoring.NewMentorship;
import dev.tandem.coaching.mentoring.ReadinessAssessment;
import dev.tandem.coaching.mentoring.ReadinessManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import org.springframework.stereotype.Component;

/**
 * The demo's mentoring story: Brigitte chose Sanne as the mentor of Noah, the newcomer, to work on his first
 * appointments and proposals; Fatima runs a readiness assessment of Anouk, her strongest rep, with 360 input from
 * Anouk herself, two peers and Kim of marketing, while Ahmed of operations has not answered yet. Everyone in the
 * history started on its first day, so Noah's ramp is compared with their first months in the data.
 */
@Component
class DemoMentoring {

	private static final String DOMAIN = "@northwind.demo";

	/** Scores per competency in {@link Competency} order, on a scale of 10: self, Fatima, Milan, Jesse, Kim. */
	private static final int[][] SCORES = { { 8, 8, 7, 6, 7, 9 }, { 7, 8, 8, 5, 7, 8 }, { 6, 7, 9, 6, 8, 7 }, { 7, 8, 8, 5, 6, 8 },
			{ 6, 9, 8, 6, 7, 7 } };

	private final MentoringManagement mentoring;
	private final ReadinessManagement readiness;
	private final UserManagement users;

	DemoMentoring(MentoringManagement mentoring, ReadinessManagement readiness, UserManagement users) {
		this.mentoring = mentoring;
		this.readiness = readiness;
		this.users = users;
	}

	void play(CurrentUser admin) {
		Map<String, CurrentUser> people = new HashMap<>();
		for (User user : users.all(admin)) {
			people.put(user.email().replace(DOMAIN, ""), CurrentUser.of(user));
		}
		// Brigitte paired Noah with Sanne at the end of his first week.
		java.time.LocalDate noahStarted = mentoring.startOf(admin, people.get("noah").id());
		mentoring.assign(people.get("brigitte"), new NewMentorship(people.get("noah").id(), people.get("sanne").id(),
				noahStarted == null ? null : noahStarted.plusWeeks(1), null,
				"Booking the first meetings and writing proposals that close; weekly half hour on Noah's pipeline."), null);

		CurrentUser fatima = people.get("fatima");
		CurrentUser anouk = people.get("anouk");
		ReadinessAssessment assessment = readiness.start(fatima, anouk.id(), 10, null);
		UUID id = assessment.id();
		readiness.invite(fatima, id, List.of(people.get("milan").id(), people.get("jesse").id(), people.get("kim").id(),
				people.get("ahmed").id()));
		answer(anouk, id, SCORES[0], Map.of());
		answer(fatima, id, SCORES[1], Map.of(Competency.GIVING_ROOM, "Still jumps in on Fleur's deals when a close date slips.",
				Competency.HELICOPTER_VIEW, "Plans her quarter in weeks, not in deals."));
		answer(people.get("milan"), id, SCORES[2], Map.of(Competency.LETTING_OTHERS_SCORE, "Gave me the credit for the Brouwer renewal."));
		answer(people.get("jesse"), id, SCORES[3], Map.of(Competency.GIVING_ROOM, "Helps a lot, sometimes by doing it herself."));
		answer(people.get("kim"), id, SCORES[4], Map.of(Competency.COLLABORATION, "The one rep who tells marketing which leads were good."));
	}

	private void answer(CurrentUser rater, UUID id, int[] scores, Map<Competency, String> comments) {
		Map<Competency, Integer> given = new java.util.EnumMap<>(Competency.class);
		Competency[] all = Competency.values();
		for (int i = 0; i < all.length; i++) {
			given.put(all[i], scores[i]);
		}
		readiness.answer(rater, id, new NewAnswer(given, comments));
	}
}
