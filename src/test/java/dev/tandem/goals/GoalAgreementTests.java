package dev.tandem.goals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Period;
import dev.tandem.platform.RecordNotFoundException;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Goals are agreed, not imposed: a rep proposes, the manager counters, the rep accepts; a manager may also
 * set a goal directly; the team goal shows beside the sum of its members' goals; a period copies forward.
 * Each case runs in an organisation of its own: Head leads Company, Mia leads Team A (Ann, Ben) under it,
 * and Cas is a rep in Team B.
 */
@TandemIntegrationTest
class GoalAgreementTests {

	static final Period MONTH = Period.parse("2026-03", 1, "period");

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired GoalManagement goals;

	CurrentUser admin;
	CurrentUser head;
	CurrentUser mia;
	CurrentUser ann;
	CurrentUser ben;
	CurrentUser cas;
	UUID teamA;

	@BeforeEach
	void organisation() {
		String domain = "goals-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		admin = organisations.open(new NewOrganisation("Goals " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", "admin-password");
		head = user("head", domain, Role.EXECUTIVE);
		mia = user("mia", domain, Role.MANAGER);
		ann = user("ann", domain, Role.REP);
		ben = user("ben", domain, Role.REP);
		cas = user("cas", domain, Role.REP);
		UUID company = teams.create(admin, new NewTeam("Company", TeamKind.SALES, null, head.id())).id();
		teamA = teams.create(admin, new NewTeam("Team A", TeamKind.SALES, company, mia.id())).id();
		UUID teamB = teams.create(admin, new NewTeam("Team B", TeamKind.SALES, company, null)).id();
		LocalDate since = LocalDate.of(2026, 1, 1);
		teams.addMember(admin, teamA, ann.id(), since);
		teams.addMember(admin, teamA, ben.id(), since);
		teams.addMember(admin, teamB, cas.id(), since);
	}

	@Test
	void theRepProposesTheManagerCountersTheRepAccepts() {
		Goal proposed = goals.propose(ann, revenue(ann, "20000", "Two big renewals are in doubt"));
		assertThat(proposed.status()).isEqualTo(GoalStatus.AWAITING_MANAGER);
		assertThat(proposed.agreedTarget()).isNull();
		assertThatThrownBy(() -> goals.get(ben, proposed.id())).isInstanceOf(RecordNotFoundException.class);
		assertThatThrownBy(() -> goals.accept(ann, proposed.id(), proposed.version())).isInstanceOf(InvalidInputException.class);

		Goal countered = goals.counter(mia, proposed.id(), proposed.version(), new BigDecimal("25000"), "The pipeline covers it");
		assertThat(countered.status()).isEqualTo(GoalStatus.AWAITING_OWNER);
		assertThat(countered.target()).isEqualByComparingTo("25000");
		assertThatThrownBy(() -> goals.accept(mia, countered.id(), countered.version())).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> goals.accept(ann, countered.id(), proposed.version())).isInstanceOf(ConcurrentEditException.class);

		Goal agreed = goals.accept(ann, countered.id(), countered.version());
		assertThat(agreed.status()).isEqualTo(GoalStatus.AGREED);
		assertThat(agreed.agreedTarget()).isEqualByComparingTo("25000");
		assertThat(agreed.setByManager()).isFalse();
		assertThat(goals.proposals(mia, agreed.id())).extracting(Proposal::kind, p -> p.target().intValue(), Proposal::authorName)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ProposalKind.PROPOSED, 20000, "ann"),
					org.assertj.core.groups.Tuple.tuple(ProposalKind.COUNTERED, 25000, "mia"),
					org.assertj.core.groups.Tuple.tuple(ProposalKind.ACCEPTED, 25000, "ann"));
		// The head of sales sees it too (Team A is below Company); a rep of another team does not.
		assertThat(goals.get(head, agreed.id()).id()).isEqualTo(agreed.id());
		assertThatThrownBy(() -> goals.get(cas, agreed.id())).isInstanceOf(RecordNotFoundException.class);
	}

	@Test
	void reopeningAnAgreedGoalKeepsMeasuringAgainstTheAgreedTarget() {
		Goal agreed = goals.set(mia, revenue(ann, "25000", null));
		assertThat(agreed.setByManager()).isTrue();
		assertThat(agreed.status()).isEqualTo(GoalStatus.AGREED);
		Goal reopened = goals.counter(ann, agreed.id(), agreed.version(), new BigDecimal("18000"), "Lost my biggest account");
		assertThat(reopened.status()).isEqualTo(GoalStatus.AWAITING_MANAGER);
		assertThat(reopened.effectiveTarget()).isEqualByComparingTo("25000");
		Goal accepted = goals.accept(mia, reopened.id(), reopened.version());
		assertThat(accepted.effectiveTarget()).isEqualByComparingTo("18000");
		assertThat(accepted.setByManager()).isFalse();
	}

	@Test
	void onlyAManagerSetsAGoalAndTargetsAreChecked() {
		assertThatThrownBy(() -> goals.set(ann, revenue(ann, "1000", null))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> goals.set(cas, revenue(ann, "1000", null))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> goals.propose(ann, revenue(ann, "0", null))).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> goals.propose(ann, new NewGoal(Scope.user(ann.id()), GoalMetric.WON_DEALS, Set.of(), MONTH,
				new BigDecimal("2.5"), null))).isInstanceOf(InvalidInputException.class);
		Goal calls = goals.set(head, new NewGoal(Scope.user(ann.id()), GoalMetric.ACTIVITIES, Set.of(ActivityType.CALL, ActivityType.MEETING),
				MONTH, new BigDecimal("120"), null));
		assertThat(calls.activityTypes()).containsExactlyInAnyOrder(ActivityType.CALL, ActivityType.MEETING);
	}

	@Test
	void theTeamGoalStandsBesideTheSumOfItsMembersGoals() {
		Goal team = goals.set(head, new NewGoal(Scope.team(teamA), GoalMetric.WON_REVENUE, Set.of(), MONTH, new BigDecimal("60000"), null));
		goals.set(mia, revenue(ann, "25000", null));
		goals.set(mia, revenue(ben, "30000", null));
		assertThat(goals.membersTotal(head, team)).isEqualByComparingTo("55000");
		// Mia leads the team, so she proposes its goal to the head of sales rather than setting it.
		assertThatThrownBy(() -> goals.set(mia, new NewGoal(Scope.team(teamA), GoalMetric.WON_DEALS, Set.of(), MONTH,
				new BigDecimal("10"), null))).isInstanceOf(InvalidInputException.class);
		assertThat(goals.propose(mia, new NewGoal(Scope.team(teamA), GoalMetric.WON_DEALS, Set.of(), MONTH, new BigDecimal("10"), null))
			.status()).isEqualTo(GoalStatus.AWAITING_MANAGER);
	}

	@Test
	void copyingAPeriodForwardAsksTheOwnersToAgree() {
		goals.set(head, new NewGoal(Scope.team(teamA), GoalMetric.WON_REVENUE, Set.of(), MONTH, new BigDecimal("60000"), null));
		goals.set(mia, revenue(ann, "25000", null));
		goals.set(mia, revenue(ben, "30000", null));
		assertThat(goals.copyToNext(mia, teamA, MONTH)).isEqualTo(3);
		assertThat(goals.copyToNext(mia, teamA, MONTH)).as("nothing twice").isZero();
		List<Goal> april = goals.goals(mia, List.of(Scope.team(teamA), Scope.user(ann.id()), Scope.user(ben.id())), MONTH.next());
		assertThat(april).hasSize(3);
		assertThat(april).filteredOn(g -> !g.scope().isTeam()).allSatisfy(g -> {
			assertThat(g.status()).isEqualTo(GoalStatus.AWAITING_OWNER);
			assertThat(g.agreedTarget()).isNull();
		});
		assertThat(april).filteredOn(g -> g.scope().isTeam()).singleElement()
			.satisfies(g -> assertThat(g.status()).isEqualTo(GoalStatus.AWAITING_MANAGER));
		assertThat(goals.proposals(ann, april.stream().filter(g -> g.scope().id().equals(ann.id())).findFirst().orElseThrow().id()))
			.singleElement().satisfies(p -> assertThat(p.kind()).isEqualTo(ProposalKind.COPIED));
	}

	private NewGoal revenue(CurrentUser who, String target, String note) {
		return new NewGoal(Scope.user(who.id()), GoalMetric.WON_REVENUE, Set.of(), MONTH, new BigDecimal(target), note);
	}

	private CurrentUser user(String name, String domain, Role role) {
		User user = users.create(admin, new NewUser(name + "@" + domain, name, role, "en", "password-1", List.of())).user();
		return new CurrentUser(admin.orgId(), user.id(), user.email(), name, role, "en");
	}
}
