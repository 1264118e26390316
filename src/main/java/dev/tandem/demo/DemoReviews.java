package dev.tandem.demo;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.coaching.review.Review;
import dev.tandem.coaching.review.ReviewInput;
import dev.tandem.coaching.review.ReviewInput.Score;
import dev.tandem.coaching.review.ReviewLoad;
import dev.tandem.coaching.review.ReviewManagement;
import dev.tandem.coaching.review.ReviewTemplates;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import org.springframework.stereotype.Component;

/**
 * The demo's reviews, taken through the real flow: half a year ago Suzanne reviewed Brigitte with the manager template
 * (strong on managing down and up, weak sideways, 6/10 overall, coaching topic "silo's en persoonlijke ontwikkeling"),
 * and Brigitte signed it, which froze her facts; this half-year's round is under way for Brigitte (self-assessment done)
 * and her reps, three of whom have written theirs. Noah, six weeks in, is not in the round.
 */
@Component
class DemoReviews {

	private final ReviewManagement reviews;
	private final ReviewTemplates templates;
	private final ReviewLoad load;
	private final UserManagement users;
	private final OrganisationManagement organisations;
	private final Visibility visibility;

	DemoReviews(ReviewManagement reviews, ReviewTemplates templates, ReviewLoad load, UserManagement users,
			OrganisationManagement organisations, Visibility visibility) {
		this.reviews = reviews;
		this.templates = templates;
		this.load = load;
		this.users = users;
		this.organisations = organisations;
		this.visibility = visibility;
	}

	/** Plays the story in Northwind; answers the id of Brigitte's signed review, which her growth plan starts from. */
	UUID play(CurrentUser admin) {
		Map<String, CurrentUser> people = users.all(admin).stream().collect(Collectors.toMap(u -> u.email().substring(0, u.email().indexOf('@')),
				(User u) -> new CurrentUser(admin.orgId(), u.id(), u.email(), u.displayName(), u.role(), u.locale()), (a, b) -> a));
		CurrentUser suzanne = people.get("suzanne");
		CurrentUser brigitte = people.get("brigitte");
		ZoneId zone = organisations.get(admin.orgId()).timeZone();
		LocalDate today = visibility.today(admin.orgId());

		LocalDate signedMonth = today.minusMonths(6).withDayOfMonth(1);
		UUID manager = templates.shipped(admin.orgId(), "MANAGER").id();
		ReviewInput.CycleCreated spring = reviews.createCycle(suzanne, new ReviewInput.NewCycle("Spring review " + signedMonth.getYear(),
				signedMonth.minusMonths(6), signedMonth, manager, List.of(brigitte.id()), null));
		UUID signed = spring.reviewIds().get(0);
		reviews.selfAssess(brigitte, signed, new ReviewInput.SelfAssessment(List.of(new Score(1, 8, "The team trusts me and asks for help early."),
				new Score(2, 8, "Forecasts on time, close to what we closed."), new Score(3, 5, "Too little contact with marketing and operations.")),
				"A good half: the team grew and the forecast held. Sideways I have work to do.", null));
		reviews.assess(suzanne, signed, new ReviewInput.Assessment(List.of(
				new Score(1, 8, "Coaches rather than takes over; 1:1s every week."),
				new Score(2, 8, "Honest forecast, reports on time."),
				new Score(3, 4, "Works in a silo: hardly any talks with peer managers or the partner departments.")), 6,
				"Strong on managing down and up. The next step is managing sideways.", "silo's en persoonlijke ontwikkeling", null, null));
		LocalDate held = signedMonth.plusDays(13);
		reviews.held(suzanne, signed, held, null);
		reviews.acknowledge(brigitte, signed, "Agreed. I will set up regular talks with Mark and Fatima and the partner departments.", null);
		load.backdate(admin.orgId(), signed, signedMonth.plusDays(1).atStartOfDay(zone).toInstant(),
				signedMonth.plusDays(6).atTime(9, 30).atZone(zone).toInstant(), signedMonth.plusDays(11).atTime(16, 0).atZone(zone).toInstant(),
				held.plusDays(2).atTime(11, 15).atZone(zone).toInstant());

		LocalDate thisMonth = today.withDayOfMonth(1);
		List<UUID> round = new ArrayList<>(List.of(brigitte.id()));
		List.of("sanne", "daan", "emma", "liam", "julia", "lotte").forEach(n -> round.add(people.get(n).id()));
		ReviewInput.CycleCreated autumn = reviews.createCycle(suzanne, new ReviewInput.NewCycle("Autumn review " + thisMonth.getYear(),
				thisMonth.minusMonths(6), thisMonth, null, round, null));
		Map<UUID, UUID> byReviewee = reviews.reviewsOf(suzanne, autumn.cycle().id()).stream()
			.collect(Collectors.toMap(Review::revieweeId, Review::id, (a, b) -> a));
		Function<String, UUID> reviewOf = name -> byReviewee.get(people.get(name).id());
		reviews.selfAssess(brigitte, reviewOf.apply("brigitte"), new ReviewInput.SelfAssessment(List.of(
				new Score(1, 8, "Weekly 1:1s with everyone; Liam has a plan."), new Score(2, 7, "Forecast close, one late submission."),
				new Score(3, 6, "Monthly talks with Mark and Fatima now; marketing next.")), "Sideways is better, not there yet.", null));
		reviews.selfAssess(people.get("sanne"), reviewOf.apply("sanne"), new ReviewInput.SelfAssessment(List.of(new Score(1, 6, "Many meetings, too few closes."),
				new Score(2, 8, "I book more meetings than anyone."), new Score(3, 7, null), new Score(4, 6, "I want to get better at closing.")),
				"Strong at the start of the funnel; proposals stall.", null));
		reviews.selfAssess(people.get("emma"), reviewOf.apply("emma"), new ReviewInput.SelfAssessment(List.of(new Score(1, 8, null),
				new Score(2, 7, null), new Score(3, 8, "Helped Noah in his first weeks."), new Score(4, 7, null)), null, null));
		reviews.selfAssess(people.get("lotte"), reviewOf.apply("lotte"), new ReviewInput.SelfAssessment(List.of(new Score(1, 7, "Settling in after the move."),
				new Score(2, 7, null), new Score(3, 8, null), new Score(4, 7, "Learning the inside-sales rhythm.")), null, null));
		return signed;
	}
}
