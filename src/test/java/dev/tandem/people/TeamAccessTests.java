package dev.tandem.people;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.ActivityManagement;
import dev.tandem.crm.NewActivity;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.playbook.ActivityType;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one leadership rule, asked of {@link Visibility} for every kind of viewer, with hand-written expectations:
 * <pre>
 * Sales (head, executive)
 * ├── Team A (ma): a1, a2
 * │   └── A-Pod (no leader): a3
 * ├── Team B (mb): b1, b2; old until a month ago
 * └── Team C (head as well): c1
 * Elsewhere (no leader): x
 * Marketing, a department (kim, partner): m1
 * </pre>
 * and a second organisation with Other Sales (olead): orep, whose admin is oadmin.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TeamAccessTests {

	private static final List<String> TEAMS = List.of("Sales", "Team A", "A-Pod", "Team B", "Team C", "Elsewhere", "Marketing");

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Visibility visibility;
	@Autowired ActivityManagement activities;

	final String domain = "lead-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
	final Map<String, CurrentUser> people = new LinkedHashMap<>();
	final Map<String, UUID> teamIds = new LinkedHashMap<>();

	@BeforeAll
	void buildHierarchy() {
		CurrentUser admin = organisations.open(new NewOrganisation("Lead " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", "lead-passw0rd-1");
		people.put("admin", admin);
		user(admin, "head", Role.EXECUTIVE);
		user(admin, "ma", Role.MANAGER);
		user(admin, "mb", Role.MANAGER);
		user(admin, "kim", Role.PARTNER);
		for (String rep : List.of("a1", "a2", "a3", "b1", "b2", "old", "c1", "x", "m1")) {
			user(admin, rep, Role.REP);
		}
		team(admin, "Sales", TeamKind.SALES, null, "head");
		team(admin, "Team A", TeamKind.SALES, "Sales", "ma");
		team(admin, "A-Pod", TeamKind.SALES, "Team A", null);
		team(admin, "Team B", TeamKind.SALES, "Sales", "mb");
		team(admin, "Team C", TeamKind.SALES, "Sales", "head");
		team(admin, "Elsewhere", TeamKind.SALES, null, null);
		team(admin, "Marketing", TeamKind.MARKETING, null, "kim");
		LocalDate today = visibility.today(admin.orgId());
		Map.of("a1", "Team A", "a2", "Team A", "a3", "A-Pod", "b1", "Team B", "b2", "Team B", "c1", "Team C", "x", "Elsewhere",
				"m1", "Marketing").forEach((name, team) -> teams.addMember(admin, teamIds.get(team), people.get(name).id(), today.minusYears(1)));
		Membership left = teams.addMember(admin, teamIds.get("Team B"), people.get("old").id(), today.minusYears(1));
		teams.endMembership(admin, teamIds.get("Team B"), left.id(), today.minusMonths(1));

		CurrentUser otherAdmin = organisations.open(new NewOrganisation("Other " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"oadmin@other-" + domain, "Other admin", "lead-passw0rd-1");
		people.put("oadmin", otherAdmin);
		user(otherAdmin, "olead", Role.MANAGER);
		user(otherAdmin, "orep", Role.REP);
		team(otherAdmin, "Other Sales", TeamKind.SALES, null, "olead");
		teams.addMember(otherAdmin, teamIds.get("Other Sales"), people.get("orep").id(), today.minusYears(1));
	}

	@Test
	void teamAccessPerViewer() {
		// Sales, Team A, A-Pod, Team B, Team C, Elsewhere, Marketing
		assertThat(access("admin")).containsExactly("FULL", "FULL", "FULL", "FULL", "FULL", "FULL", "FULL");
		assertThat(access("head")).containsExactly("FULL", "FULL", "FULL", "FULL", "FULL", "NONE", "NONE");
		assertThat(access("ma")).containsExactly("NONE", "FULL", "FULL", "NONE", "NONE", "NONE", "NONE");
		assertThat(access("mb")).containsExactly("NONE", "NONE", "NONE", "FULL", "NONE", "NONE", "NONE");
		// A member belongs to the teams above their own too, but never sees a sibling or a team below in full.
		assertThat(access("a1")).containsExactly("MEMBER", "MEMBER", "NONE", "NONE", "NONE", "NONE", "NONE");
		assertThat(access("a3")).containsExactly("MEMBER", "MEMBER", "MEMBER", "NONE", "NONE", "NONE", "NONE");
		assertThat(access("b1")).containsExactly("MEMBER", "NONE", "NONE", "MEMBER", "NONE", "NONE", "NONE");
		assertThat(access("c1")).containsExactly("MEMBER", "NONE", "NONE", "NONE", "MEMBER", "NONE", "NONE");
		assertThat(access("old")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE");
		assertThat(access("x")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "MEMBER", "NONE");
		assertThat(access("kim")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "FULL");
		assertThat(access("m1")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "MEMBER");
		assertThat(access("oadmin")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE");
		assertThat(access("olead")).containsExactly("NONE", "NONE", "NONE", "NONE", "NONE", "NONE", "NONE");
	}

	@Test
	void nothingOfAnotherOrganisationOrAnUnknownTeam() {
		UUID otherSales = teamIds.get("Other Sales");
		assertThat(visibility.teamAccess(people.get("admin"), otherSales)).isEqualTo(TeamAccess.NONE);
		assertThat(visibility.teamAccess(people.get("head"), otherSales)).isEqualTo(TeamAccess.NONE);
		assertThat(visibility.teamAccess(people.get("admin"), UUID.randomUUID())).isEqualTo(TeamAccess.NONE);
		assertThat(visibility.teamAccess(people.get("oadmin"), otherSales)).isEqualTo(TeamAccess.FULL);
		assertThat(visibility.teamAccess(people.get("olead"), otherSales)).isEqualTo(TeamAccess.FULL);
		assertThat(visibility.teamAccess(people.get("orep"), otherSales)).isEqualTo(TeamAccess.MEMBER);
		assertThat(visibility.fullTeams(people.get("oadmin"))).containsExactly(otherSales);
	}

	@Test
	void leadsIsTheTeamsOwnLeaderAndLeadsAboveAnyTeamHigherUp() {
		assertThat(ledBy("head")).containsExactly("Sales", "Team C");
		assertThat(aboveBy("head")).containsExactly("Team A", "A-Pod", "Team B", "Team C");
		assertThat(ledBy("ma")).containsExactly("Team A");
		assertThat(aboveBy("ma")).containsExactly("A-Pod");
		assertThat(ledBy("kim")).containsExactly("Marketing");
		assertThat(aboveBy("kim")).isEmpty();
		// Being an admin is not leading.
		assertThat(ledBy("admin")).isEmpty();
		assertThat(aboveBy("admin")).isEmpty();
		assertThat(ledBy("a1")).isEmpty();
		assertThat(aboveBy("a1")).isEmpty();
	}

	@Test
	void isInLineOfPerViewer() {
		List<String> ours = List.of("admin", "head", "ma", "mb", "kim", "a1", "a2", "a3", "b1", "b2", "old", "c1", "x", "m1");
		assertThat(inLineOf("admin", ours)).containsExactly("head", "ma", "mb", "kim", "a1", "a2", "a3", "b1", "b2", "old", "c1", "x", "m1");
		assertThat(inLineOf("head", ours)).containsExactly("ma", "mb", "a1", "a2", "a3", "b1", "b2", "c1");
		assertThat(inLineOf("ma", ours)).containsExactly("a1", "a2", "a3");
		assertThat(inLineOf("mb", ours)).containsExactly("b1", "b2");
		assertThat(inLineOf("kim", ours)).containsExactly("m1");
		for (String nobody : List.of("a1", "a3", "b1", "old", "c1", "x", "m1", "oadmin", "olead", "orep")) {
			assertThat(inLineOf(nobody, ours)).as(nobody).isEmpty();
		}
		assertThat(visibility.isInLineOf(people.get("admin"), people.get("orep").id())).isFalse();
		assertThat(visibility.isInLineOf(people.get("olead"), people.get("orep").id())).isTrue();
		assertThat(visibility.isInLineOf(people.get("oadmin"), people.get("orep").id())).isTrue();
	}

	@Test
	void managesIsLeadershipOnlyAndCanSeeAddsOnesOwn() {
		CurrentUser admin = people.get("admin");
		UUID a1 = people.get("a1").id();
		assertThat(visibility.manages(admin, a1)).isFalse();
		assertThat(visibility.isInLineOf(admin, a1)).isTrue();
		assertThat(visibility.manages(people.get("ma"), a1)).isTrue();
		assertThat(visibility.isInLineOf(people.get("a1"), a1)).isFalse();
		assertThat(visibility.canSee(people.get("a1"), a1)).isTrue();
		assertThat(visibility.canSee(people.get("b1"), a1)).isFalse();
	}

	@Test
	void aJointActivityTakesColleaguesTheLoggerSeesAndTheLoggersLineManagers() {
		assertThat(joint("a1", "ma")).isTrue();
		assertThat(joint("a1", "head")).isTrue();
		assertThat(joint("a3", "ma")).isTrue();
		assertThat(joint("ma", "a1")).isTrue();
		assertThat(joint("ma", "head")).isTrue();
		assertThat(joint("a1", "mb")).isFalse();
		assertThat(joint("a1", "a2")).isFalse();
		assertThat(joint("x", "head")).isFalse();
		// An admin is nobody's line manager by role: a rep does not take them along.
		assertThat(joint("a1", "admin")).isFalse();
		assertThat(joint("admin", "a1")).isTrue();
		assertThat(joint("a1", "orep")).isFalse();
	}

	private boolean joint(String logger, String participant) {
		NewActivity call = new NewActivity(ActivityType.CALL, "Joint call of " + logger + " with " + participant, null, null, null, null,
				null, null, null, null, null, null, List.of(people.get(participant).id()), null);
		try {
			return activities.log(people.get(logger), call, null).participantIds().equals(List.of(people.get(participant).id()));
		}
		catch (InvalidInputException ex) {
			assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.messageKey())
				.containsExactly("participantIds:validation.user.unknown");
			return false;
		}
	}

	private List<String> access(String viewer) {
		return TEAMS.stream().map(t -> visibility.teamAccess(people.get(viewer), teamIds.get(t)).name()).toList();
	}

	private List<String> ledBy(String viewer) {
		return TEAMS.stream().filter(t -> visibility.leads(people.get(viewer), teamIds.get(t))).toList();
	}

	private List<String> aboveBy(String viewer) {
		return TEAMS.stream().filter(t -> visibility.leadsAbove(people.get(viewer), teamIds.get(t))).toList();
	}

	private List<String> inLineOf(String viewer, List<String> persons) {
		return persons.stream().filter(p -> visibility.isInLineOf(people.get(viewer), people.get(p).id())).toList();
	}

	private void user(CurrentUser admin, String name, Role role) {
		String email = name + "@" + (admin.email().contains("@other-") ? "other-" : "") + domain;
		people.put(name, CurrentUser.of(users.create(admin, new NewUser(email, "Person " + name, role, "en", "lead-passw0rd-1", List.of()))
			.user()));
	}

	private void team(CurrentUser admin, String name, TeamKind kind, String parent, String leader) {
		teamIds.put(name, teams.create(admin, new NewTeam(name, kind, parent == null ? null : teamIds.get(parent),
				leader == null ? null : people.get(leader).id())).id());
	}
}
