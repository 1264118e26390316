package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.User;
import dev.tandem.people.UserChanges;
import dev.tandem.people.UserManagement;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing through the service and the database, each case in a team of its own: equal shares,
 * weighted shares, an inactive rep, and a log entry for every lead.
 */
@TandemIntegrationTest
class LeadRoutingTests {

	@Autowired OrganisationManagement organisations;
	@Autowired java.time.Clock clock;
	@Autowired UserManagement users;
	@Autowired TeamManagement teams;
	@Autowired LeadManagement leads;

	@Test
	void thirtyLeadsOverThreeEqualRepsGiveTenEach() {
		Crew crew = crew("equal");
		assertThat(route(crew, 30)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 10L, "b", 10L, "c", 10L));
	}

	@Test
	void weightsTwoToOneToOneOverFortyLeadsGiveTwentyTenTen() {
		Crew crew = crew("weighted");
		leads.setWeight(crew.manager(), crew.team().id(), crew.reps().get("a").id(), new BigDecimal("2"));
		assertThat(route(crew, 40)).containsExactlyInAnyOrderEntriesOf(Map.of("a", 20L, "b", 10L, "c", 10L));
		assertThat(leads.weights(crew.manager(), crew.team().id())).extracting(LeadManagement.Weight::routed)
			.containsExactlyInAnyOrder(20, 10, 10);
	}

	@Test
	void anInactiveRepGetsNoLeadsAndEveryLeadIsLogged() {
		Crew crew = crew("inactive");
		User c = crew.reps().get("c");
		users.update(crew.admin(), c.id(), new UserChanges(c.version(), null, null, null, false, null));
		Map<String, Long> counts = route(crew, 30);
		assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of("a", 15L, "b", 15L));

		Lead first = leads.list(crew.manager(), LeadFilter.ALL, dev.tandem.platform.ListRequest.of(1, null)).items()
			.get(0);
		List<LeadAssignment> log = leads.routingLog(crew.manager(), first.id());
		assertThat(log).singleElement().satisfies(entry -> {
			assertThat(entry.rule()).isEqualTo("ROUND_ROBIN");
			assertThat(entry.candidates()).filteredOn(cand -> cand.userId().equals(c.id())).singleElement()
				.satisfies(cand -> assertThat(cand.skipped()).isEqualTo(RoundRobin.INACTIVE));
		});
	}

	private Map<String, Long> route(Crew crew, int count) {
		Map<UUID, String> names = crew.reps().entrySet().stream()
			.collect(Collectors.toMap(e -> e.getValue().id(), Map.Entry::getKey));
		for (int i = 0; i < count; i++) {
			leads.create(crew.manager(), new NewLead("Person " + i, "Company " + i, null, null, DealSource.INBOUND, null, 50,
					crew.team().id(), null));
		}
		return leads.page(crew.manager(), LeadFilter.ALL, 0, 100).items().stream()
			.collect(Collectors.groupingBy(l -> names.get(l.ownerId()), Collectors.counting()));
	}

	private Crew crew(String name) {
		String domain = name + "-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Routing " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", "admin-password");
		User manager = users.create(admin, new NewUser("boss@" + domain, "Boss", Role.MANAGER, "en", "password-1", List.of())).user();
		Team team = teams.create(admin, new NewTeam("Sales", TeamKind.SALES, null, manager.id()));
		Map<String, User> reps = List.of("a", "b", "c").stream()
			.map(rep -> users.create(admin, new NewUser(rep + "@" + domain, rep, Role.REP, "en", "password-1", List.of())).user())
			.collect(Collectors.toMap(User::displayName, Function.identity()));
		reps.values().forEach(rep -> teams.addMember(admin, team.id(), rep.id(), LocalDate.now(clock).minusDays(1)));
		CurrentUser boss = new CurrentUser(admin.orgId(), manager.id(), manager.email(), manager.displayName(), Role.MANAGER, "en");
		return new Crew(admin, boss, team, reps);
	}

	record Crew(CurrentUser admin, CurrentUser manager, Team team, Map<String, User> reps) {
	}
}
