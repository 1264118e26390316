package dev.tandem.people;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import dev.tandem.platform.InvalidInputException;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Who sees whom in a four-level hierarchy, with hand-written expectations, including a rep who moved
 * from one team to another.
 * <pre>
 * HQ (eve)
 * ├── North (rob)
 * │   └── North-1 (ann): rep1, rep2, max until the move
 * │       └── North-1a (pat): rep3
 * └── South (sue)
 *     └── South-1 (sam): rep4, max from the move
 * </pre>
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VisibilityTests {

	private static final LocalDate START = LocalDate.of(2024, 1, 1);
	private static final LocalDate MOVE = LocalDate.of(2025, 7, 1);

	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired Visibility visibility;
	@Autowired JdbcClient jdbc;
	@Autowired java.time.Clock clock;

	CurrentUser admin;
	Map<String, UUID> ids;

	@BeforeAll
	void buildHierarchy() {
		admin = organisations.open(new NewOrganisation("Visibility Test Org", "Europe/Amsterdam", "EUR", "en", 1),
				"admin@visibility.test", "Vis Admin", "admin-password");
		ids = List.of("eve", "rob", "sue", "ann", "pat", "sam", "rep1", "rep2", "rep3", "rep4", "max").stream()
			.collect(Collectors.toMap(n -> n, n -> users.create(admin,
					new NewUser(n + "@visibility.test", n, n.startsWith("rep") || n.equals("max") ? Role.REP : Role.MANAGER,
							"en", "password-" + n, List.of())).user().id()));
		Team hq = team("HQ", null, "eve");
		Team north = team("North", hq, "rob");
		Team south = team("South", hq, "sue");
		Team north1 = team("North-1", north, "ann");
		Team north1a = team("North-1a", north1, "pat");
		Team south1 = team("South-1", south, "sam");
		member(north1, "rep1");
		member(north1, "rep2");
		member(north1a, "rep3");
		member(south1, "rep4");
		Membership maxInNorth = member(north1, "max");
		teams.endMembership(admin, north1.id(), maxInNorth.id(), MOVE);
		teams.addMember(admin, south1.id(), ids.get("max"), MOVE);
	}

	@Test
	void managersSeeTheirWholeSubtreeToday() {
		assertThat(managed("eve")).containsExactlyInAnyOrder("rob", "sue", "ann", "pat", "sam", "rep1", "rep2", "rep3", "rep4", "max");
		assertThat(managed("rob")).containsExactlyInAnyOrder("ann", "pat", "rep1", "rep2", "rep3");
		assertThat(managed("ann")).containsExactlyInAnyOrder("pat", "rep1", "rep2", "rep3");
		assertThat(managed("pat")).containsExactlyInAnyOrder("rep3");
		assertThat(managed("sue")).containsExactlyInAnyOrder("sam", "rep4", "max");
		assertThat(managed("sam")).containsExactlyInAnyOrder("rep4", "max");
		assertThat(managed("rep1")).isEmpty();
	}

	@Test
	void aMovedRepBelongedToTheOldManagerBeforeTheMoveAndToTheNewOneFromIt() {
		LocalDate dayBefore = MOVE.minusDays(1);
		assertThat(managed("ann", dayBefore)).containsExactlyInAnyOrder("pat", "rep1", "rep2", "rep3", "max");
		assertThat(managed("sam", dayBefore)).containsExactlyInAnyOrder("rep4");
		assertThat(managed("ann", MOVE)).doesNotContain("max");
		assertThat(managed("sam", MOVE)).contains("max");
		assertThat(managed("eve", dayBefore)).contains("max");
	}

	@Test
	void lineManagersRunUpTheHierarchyNearestFirst() {
		assertThat(line("rep3", LocalDate.now(clock))).containsExactly("pat", "ann", "rob", "eve");
		assertThat(line("pat", LocalDate.now(clock))).containsExactly("ann", "rob", "eve");
		assertThat(line("max", LocalDate.now(clock))).containsExactly("sam", "sue", "eve");
		assertThat(line("max", MOVE.minusDays(1))).containsExactly("ann", "rob", "eve");
		assertThat(line("eve", LocalDate.now(clock))).isEmpty();
	}

	@Test
	void canSeeFollowsTheHierarchyAndNeverCrossesOrganisations() {
		assertThat(visibility.canSee(as("rep1"), ids.get("rep1"))).isTrue();
		assertThat(visibility.canSee(as("rep1"), ids.get("rep2"))).isFalse();
		assertThat(visibility.canSee(as("rep1"), ids.get("ann"))).isFalse();
		assertThat(visibility.canSee(as("ann"), ids.get("rep3"))).isTrue();
		assertThat(visibility.canSee(as("ann"), ids.get("rob"))).isFalse();
		assertThat(visibility.canSee(as("ann"), ids.get("rep4"))).isFalse();
		assertThat(visibility.canSee(as("pat"), ids.get("rep1"))).isFalse();
		assertThat(visibility.canSee(admin, ids.get("rep4"))).isTrue();

		UUID otherTenantRep = Demo.userId(jdbc, "jan@zuidwind.demo");
		assertThat(visibility.canSee(as("eve"), otherTenantRep)).isFalse();
		assertThat(visibility.canSee(admin, otherTenantRep)).isFalse();
		assertThat(visibility.visibleUsers(admin)).hasSize(12).doesNotContain(otherTenantRep);
		assertThat(visibility.visibleUsers(as("pat"))).containsExactlyInAnyOrder(ids.get("pat"), ids.get("rep3"));
	}

	@Test
	void aTeamCannotBeMovedBelowItself() {
		Team hq = teams.all(admin).stream().filter(t -> t.name().equals("HQ")).findFirst().orElseThrow();
		Team pod = teams.all(admin).stream().filter(t -> t.name().equals("North-1a")).findFirst().orElseThrow();
		assertThatThrownBy(() -> teams.update(admin, hq.id(), new TeamChanges(hq.version(), "HQ", TeamKind.SALES, pod.id(), hq.leaderId())))
			.isInstanceOfSatisfying(InvalidInputException.class,
					ex -> assertThat(ex.problems()).extracting(p -> p.field() + ":" + p.messageKey())
						.containsExactly("parentId:validation.team.cycle"));
	}

	@Test
	void overlappingMembershipsOfOneTeamAreRefused() {
		Team north1 = teams.all(admin).stream().filter(t -> t.name().equals("North-1")).findFirst().orElseThrow();
		assertThatThrownBy(() -> teams.addMember(admin, north1.id(), ids.get("rep1"), START.plusDays(10)))
			.isInstanceOf(InvalidInputException.class);
		// max left North-1 at the move, so joining again from the move on does not overlap.
		Membership again = teams.addMember(admin, north1.id(), ids.get("max"), MOVE.plusMonths(1));
		teams.endMembership(admin, north1.id(), again.id(), MOVE.plusMonths(1));
		assertThat(teams.membershipsOf(admin, ids.get("max"))).noneMatch(m -> m.id().equals(again.id()));
	}

	private Team team(String name, Team parent, String leader) {
		return teams.create(admin, new NewTeam(name, TeamKind.SALES, parent == null ? null : parent.id(), ids.get(leader)));
	}

	private Membership member(Team team, String user) {
		return teams.addMember(admin, team.id(), ids.get(user), START);
	}

	private CurrentUser as(String name) {
		return new CurrentUser(admin.orgId(), ids.get(name), name + "@visibility.test", name,
				name.startsWith("rep") || name.equals("max") ? Role.REP : Role.MANAGER, "en");
	}

	private List<String> managed(String manager) {
		return managed(manager, visibility.today(admin.orgId()));
	}

	private List<String> managed(String manager, LocalDate day) {
		return visibility.managedUsers(admin.orgId(), ids.get(manager), day).stream().map(this::name).toList();
	}

	private List<String> line(String user, LocalDate day) {
		return visibility.lineManagers(admin.orgId(), ids.get(user), day).stream().map(this::name).toList();
	}

	private String name(UUID id) {
		return ids.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst()
			.orElse(id.toString());
	}
}
