package dev.tandem.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.Team;
import dev.tandem.people.TeamChanges;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.people.Visibility;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates the demo organisations on an empty database, through the same domain operations an
 * admin uses. The people and structure are fixed; dates are relative to the day of the first
 * start, so the story (a newly promoted manager, a newcomer, a rep who moved teams) stays current.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoOrganisation implements ApplicationRunner {

	static final String PASSWORD = "demo";
	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final TeamManagement teams;
	private final Visibility visibility;
	private final TransactionTemplate transaction;

	DemoOrganisation(OrganisationManagement organisations, UserManagement users, TeamManagement teams,
			Visibility visibility, TransactionTemplate transaction) {
		this.organisations = organisations;
		this.users = users;
		this.teams = teams;
		this.visibility = visibility;
		this.transaction = transaction;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (organisations.anyExists()) {
			return;
		}
		long started = System.nanoTime();
		transaction.executeWithoutResult(status -> {
			northwind();
			zuidwind();
		});
		log.info("Demo organisations created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void northwind() {
		CurrentUser admin = organisations.open(new NewOrganisation("Northwind Demo", "Europe/Amsterdam", "EUR", "en", 1),
				"admin@northwind.demo", "Ilse Vermeulen", PASSWORD);
		LocalDate today = visibility.today(admin.orgId());
		LocalDate twoYearsAgo = today.minusYears(2);
		Org org = new Org(admin);

		UUID suzanne = org.user("suzanne", "Suzanne de Vries", Role.EXECUTIVE);
		Team sales = org.team("Northwind Sales", TeamKind.SALES, null, suzanne);

		UUID brigitte = org.user("brigitte", "Brigitte Janssens", Role.MANAGER);
		UUID mark = org.user("mark", "Mark Peeters", Role.MANAGER);
		UUID fatima = org.user("fatima", "Fatima El Amrani", Role.MANAGER);
		Team inside = org.team("Inside Sales", TeamKind.SALES, sales.id(), null);
		Team enterprise = org.team("Enterprise", TeamKind.SALES, sales.id(), mark);
		Team midMarket = org.team("Mid-Market", TeamKind.SALES, sales.id(), fatima);

		// Brigitte sold in Inside Sales until she was promoted to lead it, three months ago.
		LocalDate promoted = today.minusMonths(3);
		var brigitteAsRep = teams.addMember(admin, inside.id(), brigitte, twoYearsAgo);
		teams.endMembership(admin, inside.id(), brigitteAsRep.id(), promoted);
		Team insideNow = teams.get(admin, inside.id());
		teams.update(admin, inside.id(), new TeamChanges(insideNow.version(), insideNow.name(), insideNow.kind(),
				insideNow.parentId(), brigitte));

		for (String[] rep : List.of(new String[] { "sanne", "Sanne Bakker" }, new String[] { "daan", "Daan Visser" },
				new String[] { "emma", "Emma de Boer" }, new String[] { "liam", "Liam Mulder" },
				new String[] { "julia", "Julia Bos" })) {
			org.member(inside, org.user(rep[0], rep[1], Role.REP), twoYearsAgo);
		}
		// Noah is the newcomer, six weeks in.
		org.member(inside, org.user("noah", "Noah Jansen", Role.REP), today.minusWeeks(6));
		// Lotte moved from Mid-Market to Inside Sales half a year ago.
		UUID lotte = org.user("lotte", "Lotte Smit", Role.REP);
		var lotteInMidMarket = teams.addMember(admin, midMarket.id(), lotte, twoYearsAgo);
		teams.endMembership(admin, midMarket.id(), lotteInMidMarket.id(), today.minusMonths(6));
		org.member(inside, lotte, today.minusMonths(6));

		for (String[] rep : List.of(new String[] { "thomas", "Thomas Hendriks" }, new String[] { "sophie", "Sophie Dekker" },
				new String[] { "lucas", "Lucas van Dijk" }, new String[] { "eva", "Eva Meijer" },
				new String[] { "ruben", "Ruben de Graaf" }, new String[] { "iris", "Iris Koster" })) {
			org.member(enterprise, org.user(rep[0], rep[1], Role.REP), twoYearsAgo);
		}
		for (String[] rep : List.of(new String[] { "milan", "Milan Vos" }, new String[] { "anouk", "Anouk Peters" },
				new String[] { "jesse", "Jesse Willems" }, new String[] { "fleur", "Fleur Jacobs" },
				new String[] { "bram", "Bram Maes" }, new String[] { "nina", "Nina Wouters" },
				new String[] { "dirk", "Dirk Hermans" })) {
			org.member(midMarket, org.user(rep[0], rep[1], Role.REP), twoYearsAgo);
		}

		org.team("Marketing", TeamKind.MARKETING, null, org.user("kim", "Kim Verbruggen", Role.PARTNER));
		org.team("Operations", TeamKind.OPERATIONS, null, org.user("ahmed", "Ahmed Benali", Role.PARTNER));
		org.team("Customer Service", TeamKind.CUSTOMER_SERVICE, null, org.user("sara", "Sara Lambrecht", Role.PARTNER));
		org.team("Sales Enablement", TeamKind.ENABLEMENT, null, org.user("pieter", "Pieter Goossens", Role.PARTNER));
	}

	private void zuidwind() {
		CurrentUser admin = organisations.open(new NewOrganisation("Zuidwind Demo", "Europe/Brussels", "EUR", "nl", 1),
				"admin@zuidwind.demo", "Zuidwind Admin", PASSWORD);
		LocalDate since = visibility.today(admin.orgId()).minusYears(1);
		Org org = new Org(admin, "zuidwind.demo");
		Team team = org.team("Zuidwind Sales", TeamKind.SALES, null, org.user("manager", "Joris Zuidema", Role.MANAGER));
		org.member(team, org.user("jan", "Jan de Smet", Role.REP), since);
		org.member(team, org.user("els", "Els Vandamme", Role.REP), since);
	}

	/** Shorthands for building one organisation as its admin. */
	private final class Org {

		private final CurrentUser admin;
		private final String domain;

		Org(CurrentUser admin) {
			this(admin, "northwind.demo");
		}

		Org(CurrentUser admin, String domain) {
			this.admin = admin;
			this.domain = domain;
		}

		UUID user(String login, String name, Role role) {
			return users.create(admin, new NewUser(login + "@" + domain, name, role, null, PASSWORD, List.of())).user().id();
		}

		Team team(String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId) {
			return teams.create(admin, new NewTeam(name, kind, parentId, leaderId));
		}

		void member(Team team, UUID userId, LocalDate from) {
			teams.addMember(admin, team.id(), userId, from);
		}
	}
}
