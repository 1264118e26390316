package dev.tandem.demo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.coaching.plan.CoachingPlan;
import dev.tandem.coaching.plan.CoachingPlanManagement;
import dev.tandem.coaching.plan.GrowthGoal;
import dev.tandem.coaching.plan.GrowthMilestone;
import dev.tandem.coaching.plan.GrowthPlan;
import dev.tandem.coaching.plan.GrowthPlanManagement;
import dev.tandem.coaching.plan.GrowthStatus;
import dev.tandem.coaching.plan.NewCoachingPlan;
import dev.tandem.coaching.plan.NewGrowthPlan;
import dev.tandem.coaching.plan.NewGrowthPlan.NewGrowthGoal;
import dev.tandem.coaching.plan.NewGrowthPlan.NewMilestone;
import dev.tandem.coaching.plan.PlanMetric;
import dev.tandem.coaching.plan.PlanSuggestion;
import dev.tandem.coaching.plan.PlanSuggestions;
import dev.tandem.coaching.plan.SupportKind;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.Team;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import dev.tandem.playbook.PlaybookManagement;
import org.springframework.stereotype.Component;

/**
 * The plans of the demo's story: Brigitte's coaching plans for Liam (sliding for months: attainment) and Sanne (books
 * meetings, closes few proposals: the proposal conversion insight suggests, baseline from the demo's history), and the
 * 180-day growth plan Suzanne started for Brigitte about six months ago towards managing sideways after her review,
 * mostly done.
 */
@Component
class DemoPlans {

	private final CoachingPlanManagement coachingPlans;
	private final GrowthPlanManagement growthPlans;
	private final PlanSuggestions suggestions;
	private final UserManagement users;
	private final Visibility visibility;
	private final PlaybookManagement playbook;

	DemoPlans(CoachingPlanManagement coachingPlans, GrowthPlanManagement growthPlans, PlanSuggestions suggestions, UserManagement users,
			Visibility visibility, PlaybookManagement playbook) {
		this.coachingPlans = coachingPlans;
		this.growthPlans = growthPlans;
		this.suggestions = suggestions;
		this.users = users;
		this.visibility = visibility;
		this.playbook = playbook;
	}

	void play(CurrentUser admin, @org.jspecify.annotations.Nullable UUID review) {
		long started = System.nanoTime();
		Map<String, User> people = users.all(admin).stream().collect(Collectors.toMap(u -> u.email().split("@")[0], u -> u));
		CurrentUser brigitte = as(people.get("brigitte"));
		CurrentUser suzanne = as(people.get("suzanne"));
		LocalDate today = visibility.today(admin.orgId());
		liam(brigitte, people.get("liam").id(), today);
		sanne(brigitte, people.get("sanne").id(), today);
		growth(suzanne, brigitte, people, today, review);
		org.slf4j.LoggerFactory.getLogger(DemoPlans.class).info("Demo coaching and growth plans of {} in {} ms", admin.email(),
				(System.nanoTime() - started) / 1_000_000);
	}

	private void liam(CurrentUser brigitte, UUID liam, LocalDate today) {
		// From the start of last month, so the baseline (the three months before it) already holds the months of his slide
		// that the dashboard flags, not the good ones before.
		LocalDate start = today.minusMonths(1).withDayOfMonth(1);
		CoachingPlan plan = coachingPlans.create(brigitte, new NewCoachingPlan(liam,
				"Back to target: sliding below his revenue goal for months", false, PlanMetric.ATTAINMENT, null, null,
				new BigDecimal("0.8"), start, start.plusMonths(3).minusDays(1)), null);
		coachingPlans.checkIn(brigitte, plan.id(), start.plusDays(13),
				"Went through his open deals together: too many early-stage deals, too few proposals out. Agreed on two proposals a week.");
		coachingPlans.checkIn(brigitte, plan.id(), start.plusDays(27),
				"Proposals are going out; two deals moved to negotiation. Closing is still slow, so we role-played the price talk.");
	}

	private void sanne(CurrentUser brigitte, UUID sanne, LocalDate today) {
		PlanSuggestion suggestion = suggestions.suggestionFor(brigitte, sanne);
		UUID proposal = playbook.defaultPipeline(brigitte.orgId()).openStages().stream().filter(s -> s.name().equals("Proposal"))
			.findFirst().orElseThrow().id();
		UUID stage = suggestion != null && suggestion.stageId() != null ? suggestion.stageId() : proposal;
		double team = suggestion == null ? 0.5 : suggestion.focus().teamConversion();
		String focus = suggestion == null ? "Closing: from proposal to negotiation"
				: "Closing: " + suggestion.focus().stage() + " conversion " + Math.round(suggestion.focus().gapPoints())
						+ " points below the team";
		LocalDate start = today.minusMonths(1);
		CoachingPlan plan = coachingPlans.create(brigitte, new NewCoachingPlan(sanne, focus, suggestion != null,
				PlanMetric.STAGE_CONVERSION, stage, null, BigDecimal.valueOf(Math.round(team * 100), 2), start,
				start.plusMonths(3).minusDays(1)), null);
		coachingPlans.checkIn(brigitte, plan.id(), start.plusDays(14),
				"She books more first meetings than anyone. We agreed she asks for the decision before she sends a proposal.");
	}

	private void growth(CurrentUser suzanne, CurrentUser brigitte, Map<String, User> people, LocalDate today,
			@org.jspecify.annotations.Nullable UUID review) {
		LocalDate start = today.minusDays(170);
		Map<String, Team> departments = growthPlans.departments(suzanne).stream().collect(Collectors.toMap(Team::name, t -> t));
		GrowthPlan plan = growthPlans.create(suzanne, new NewGrowthPlan(brigitte.id(), review, "Managing sideways", start,
				start.plusDays(GrowthPlan.DEFAULT_DAYS - 1), List.of(
						new NewGrowthGoal("Regular talks with peer managers", SupportKind.PEER, people.get("mark").id(), null,
								start.plusDays(120), List.of(new NewMilestone("Monthly lunch with Mark and Fatima", start.plusDays(30)),
										new NewMilestone("Share the pipeline-review format with Fatima", start.plusDays(90)))),
						department("Open line with marketing", departments.get("Marketing"), "Monthly lead-quality review with Kim",
								start.plusDays(45)),
						department("Open line with operations", departments.get("Operations"), "Agree the hand-over checklist with Ahmed",
								start.plusDays(75)),
						department("Open line with customer service", departments.get("Customer Service"),
								"Quarterly churn review with Sara", start.plusDays(140)),
						department("Open line with sales enablement", departments.get("Sales Enablement"),
								"Onboarding plan for Noah with Pieter", today.plusDays(5)))), null);
		for (GrowthGoal goal : plan.goals()) {
			for (GrowthMilestone milestone : goal.milestones()) {
				if (!milestone.dueOn().isAfter(today)) {
					growthPlans.setMilestoneDone(suzanne, plan.id(), milestone.id(), milestone.dueOn().minusDays(2));
				}
			}
		}
		plan = growthPlans.get(suzanne, plan.id());
		for (GrowthGoal goal : plan.goals()) {
			if (goal.milestones().stream().allMatch(GrowthMilestone::done)) {
				growthPlans.setStatus(brigitte, plan.id(), goal.id(), GrowthStatus.DONE, goal.version());
			}
		}
		growthPlans.checkIn(suzanne, plan.id(), start.plusDays(31),
				"First lunch with Mark and Fatima went well; they want to make it monthly. Marketing is next.");
		growthPlans.checkIn(brigitte, plan.id(), start.plusDays(80),
				"Kim and I now look at lead quality every month; Ahmed and I agreed the hand-over checklist.");
		growthPlans.checkIn(suzanne, plan.id(), start.plusDays(145),
				"Silo's are opening up: the churn review with Sara found two accounts in time. Enablement is the last open line.");
	}

	private static NewGrowthGoal department(String title, Team team, String milestone, LocalDate due) {
		return new NewGrowthGoal(title, SupportKind.DEPARTMENT, null, team.id(), due, List.of(new NewMilestone(milestone, due)));
	}

	private static CurrentUser as(User user) {
		return new CurrentUser(user.orgId(), user.id(), user.email(), user.displayName(), user.role(), "en");
	}
}
