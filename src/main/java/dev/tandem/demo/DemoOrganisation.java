package dev.tandem.demo;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.CustomFieldInput;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.NewSavedView;
import dev.tandem.crm.SavedViewList;
import dev.tandem.crm.SavedViewManagement;
import dev.tandem.crm.CustomFieldType;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.crm.DealSource;
import dev.tandem.forecast.ForecastLoad;
import dev.tandem.forecast.ForecastSnapshots;
import dev.tandem.goals.GoalLoad;
import dev.tandem.demo.DemoCast.Crew;
import dev.tandem.demo.DemoCast.Segment;
import dev.tandem.demo.DemoCast.Seller;
import dev.tandem.demo.DemoCast.Stint;
import dev.tandem.demo.DemoCast.Style;
import dev.tandem.platform.Period;
import dev.tandem.platform.Tenancy;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;

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
 * Creates the demo organisations on an empty database: people and teams through the same domain
 * operations an admin uses, then two years of sales history played out by {@link DemoHistory} and
 * written in one bulk load. The story and its numbers are fixed by a seed; dates are relative to the
 * day of the first start, so the story (a newly promoted manager, a newcomer, a rep who moved teams,
 * a rep sliding for months) stays current.
 */
@Component
@Conditional(DemoEnabled.class)
class DemoOrganisation implements ApplicationRunner {

	static final String PASSWORD = "demo";
	private static final long NORTHWIND_SEED = 20_240_601L;
	private static final long ZUIDWIND_SEED = 20_250_301L;
	private static final Logger log = LoggerFactory.getLogger(DemoOrganisation.class);

	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final TeamManagement teams;
	private final Visibility visibility;
	private final TransactionTemplate transaction;
	private final PlaybookManagement playbook;
	private final BulkLoad bulkLoad;
	private final GoalLoad goalLoad;
	private final ForecastLoad forecastLoad;
	private final ForecastSnapshots snapshots;
	private final ProductManagement products;
	private final CustomFieldManagement customFields;
	private final SavedViewManagement savedViews;
	private final DemoOneOnOnes oneOnOnes;
	private final Clock clock;
	private final DemoReviews demoReviews;
	private final DemoHelpRequests helpRequests;
	private final DemoMentoring mentoring;
	private final DemoPlans plans;
	private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

	DemoOrganisation(OrganisationManagement organisations, UserManagement users, TeamManagement teams,
			Visibility visibility, TransactionTemplate transaction, PlaybookManagement playbook, BulkLoad bulkLoad, GoalLoad goalLoad, ForecastLoad forecastLoad,
			ForecastSnapshots snapshots, ProductManagement products, CustomFieldManagement customFields,
			SavedViewManagement savedViews, DemoOneOnOnes oneOnOnes, Clock clock, DemoReviews demoReviews, DemoHelpRequests helpRequests,
			DemoMentoring mentoring, DemoPlans plans, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.demoReviews = demoReviews;
		this.helpRequests = helpRequests;
		this.mentoring = mentoring;
		this.plans = plans;
		this.savedViews = savedViews;
		this.oneOnOnes = oneOnOnes;
		this.products = products;
		this.customFields = customFields;
		this.organisations = organisations;
		this.users = users;
		this.teams = teams;
		this.visibility = visibility;
		this.transaction = transaction;
		this.playbook = playbook;
		this.bulkLoad = bulkLoad;
		this.goalLoad = goalLoad;
		this.forecastLoad = forecastLoad;
		this.snapshots = snapshots;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (organisations.anyExists()) {
			return;
		}
		long started = System.nanoTime();
		// Creates organisations and runs before anyone signs in: across organisations, declared.
		Tenancy.asSystem(() -> transaction.executeWithoutResult(status -> {
			northwind();
			zuidwind();
		}));
		log.info("Demo organisations created in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

	private void northwind() {
		CurrentUser admin = organisations.openDemo(new NewOrganisation("Northwind Demo", "Europe/Amsterdam", "EUR", "en", 1),
				"admin@northwind.demo", "Ilse Vermeulen", PASSWORD);
		LocalDate today = visibility.today(admin.orgId());
		// The history runs a quarter longer than two years, so the first of the two years already has a full
		// pipeline behind it rather than a team that starts from nothing.
		LocalDate twoYearsAgo = today.minusYears(2).minusMonths(3);
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

		Crew insideCrew = new Crew(inside.id(), Segment.INSIDE, brigitte, promoted, false, 14,
				List.of(DealSource.INBOUND, DealSource.INBOUND, DealSource.MARKETING_CAMPAIGN));
		Crew enterpriseCrew = new Crew(enterprise.id(), Segment.ENTERPRISE, mark, null, true, 0, List.of());
		Crew midMarketCrew = new Crew(midMarket.id(), Segment.MID_MARKET, fatima, null, false, 6,
				List.of(DealSource.PARTNER, DealSource.PARTNER, DealSource.REFERRAL));
		List<Seller> sellers = new ArrayList<>();
		sellers.add(new Seller(brigitte, "Brigitte Janssens", List.of(new Stint(insideCrew, twoYearsAgo, promoted)),
				DemoCast.style(1.2, DemoCast.TOP, 1.1, 0.05, 1.2)));

		// Sanne books meetings like no one else but closes few proposals; Liam has been sliding for five months;
		// Daan's records are a mess.
		Style[] insideStyles = { DemoCast.style(1.35, DemoCast.STRONG_OPENER_WEAK_CLOSER, 1.3, 0.1, 1.0),
				DemoCast.style(1.0, DemoCast.SOLID, 0.9, 0.55, 0.9), DemoCast.style(1.1, DemoCast.TOP, 1.05, 0.1, 1.15),
				new Style(0.9, DemoCast.WEAK, 0.85, 0.25, 0.85, today.minusMonths(5).withDayOfMonth(1), null),
				DemoCast.style(1.0, DemoCast.SOLID, 1.0, 0.15, 1.0) };
		String[][] insideReps = { { "sanne", "Sanne Bakker" }, { "daan", "Daan Visser" }, { "emma", "Emma de Boer" },
				{ "liam", "Liam Mulder" }, { "julia", "Julia Bos" } };
		UUID emma = null;
		UUID sanne = null;
		for (int i = 0; i < insideReps.length; i++) {
			UUID id = org.user(insideReps[i][0], insideReps[i][1], Role.REP);
			org.member(inside, id, twoYearsAgo);
			sellers.add(new Seller(id, insideReps[i][1], List.of(new Stint(insideCrew, twoYearsAgo, null)), insideStyles[i]));
			emma = "emma".equals(insideReps[i][0]) ? id : emma;
			sanne = "sanne".equals(insideReps[i][0]) ? id : sanne;
		}
		// Noah is the newcomer, six weeks in.
		LocalDate noahStarted = today.minusWeeks(6);
		UUID noah = org.user("noah", "Noah Jansen", Role.REP);
		org.member(inside, noah, noahStarted);
		sellers.add(new Seller(noah, "Noah Jansen", List.of(new Stint(insideCrew, noahStarted, null)),
				new Style(0.8, DemoCast.WEAK, 0.9, 0.2, 0.8, null, noahStarted)));
		// Lotte moved from Mid-Market to Inside Sales half a year ago.
		LocalDate lotteMoved = today.minusMonths(6);
		UUID lotte = org.user("lotte", "Lotte Smit", Role.REP);
		var lotteInMidMarket = teams.addMember(admin, midMarket.id(), lotte, twoYearsAgo);
		teams.endMembership(admin, midMarket.id(), lotteInMidMarket.id(), lotteMoved);
		org.member(inside, lotte, lotteMoved);
		sellers.add(new Seller(lotte, "Lotte Smit", List.of(new Stint(midMarketCrew, twoYearsAgo, lotteMoved),
				new Stint(insideCrew, lotteMoved, null)), DemoCast.style(1.0, DemoCast.SOLID, 1.0, 0.15, 1.0)));

		String[][] enterpriseReps = { { "thomas", "Thomas Hendriks" }, { "sophie", "Sophie Dekker" }, { "lucas", "Lucas van Dijk" },
				{ "eva", "Eva Meijer" }, { "ruben", "Ruben de Graaf" }, { "iris", "Iris Koster" } };
		double[][] enterpriseAdvance = { DemoCast.TOP, DemoCast.SOLID, DemoCast.SOLID, DemoCast.TEAM, DemoCast.WEAK, DemoCast.SOLID };
		for (int i = 0; i < enterpriseReps.length; i++) {
			UUID id = org.user(enterpriseReps[i][0], enterpriseReps[i][1], Role.REP);
			org.member(enterprise, id, twoYearsAgo);
			sellers.add(new Seller(id, enterpriseReps[i][1], List.of(new Stint(enterpriseCrew, twoYearsAgo, null)),
					DemoCast.style(1.0, enterpriseAdvance[i], 1.0, 0.1 + 0.05 * i, 1.0)));
		}
		String[][] midMarketReps = { { "milan", "Milan Vos" }, { "anouk", "Anouk Peters" }, { "jesse", "Jesse Willems" },
				{ "fleur", "Fleur Jacobs" }, { "bram", "Bram Maes" }, { "nina", "Nina Wouters" }, { "dirk", "Dirk Hermans" } };
		double[][] midMarketAdvance = { DemoCast.SOLID, DemoCast.TOP, DemoCast.TEAM, DemoCast.SOLID, DemoCast.WEAK, DemoCast.TEAM,
				DemoCast.SOLID };
		for (int i = 0; i < midMarketReps.length; i++) {
			UUID id = org.user(midMarketReps[i][0], midMarketReps[i][1], Role.REP);
			org.member(midMarket, id, twoYearsAgo);
			sellers.add(new Seller(id, midMarketReps[i][1], List.of(new Stint(midMarketCrew, twoYearsAgo, null)),
					DemoCast.style(1.0, midMarketAdvance[i], 1.0, 0.12, i == 1 ? 1.2 : 1.0)));
		}

		org.team("Marketing", TeamKind.MARKETING, null, org.user("kim", "Kim Verbruggen", Role.PARTNER));
		org.team("Operations", TeamKind.OPERATIONS, null, org.user("ahmed", "Ahmed Benali", Role.PARTNER));
		org.team("Customer Service", TeamKind.CUSTOMER_SERVICE, null, org.user("sara", "Sara Lambrecht", Role.PARTNER));
		org.team("Sales Enablement", TeamKind.ENABLEMENT, null, org.user("pieter", "Pieter Goossens", Role.PARTNER));

		List<Crew> crews = List.of(insideCrew, enterpriseCrew, midMarketCrew);
		BulkLoad.Batch batch = history(admin, NORTHWIND_SEED, crews, sellers, Map.of(brigitte, emma), twoYearsAgo);
		catalogue(admin, List.of("Tandem Licence", "Onboarding Workshop", "Premium Support"), List.of("1200.00", "2500.00", "499.99"));
		customFields.create(admin, new CustomFieldInput(CustomFieldKind.ACCOUNT, "year_established", "Year established",
				CustomFieldType.NUMBER, List.of(), null, true));
		// A manager's view shared with her team, and a rep's own.
		savedViews.create(new CurrentUser(admin.orgId(), brigitte, "brigitte@northwind.demo", "Brigitte Janssens", Role.MANAGER, "en"),
				new NewSavedView(SavedViewList.DEALS, "Closing this month", Map.of("status", "OPEN"), "closeDate",
						List.of("account", "owner", "stage", "amount", "closeDate"), true));
		savedViews.create(new CurrentUser(admin.orgId(), sanne, "sanne@northwind.demo", "Sanne Bakker", Role.REP, "en"),
				new NewSavedView(SavedViewList.DEALS, "My biggest deals", Map.of("status", "OPEN"), "-amount",
						List.of("account", "stage", "amount", "closeDate", "forecast"), false));
		Map<UUID, String> names = new java.util.HashMap<>();
		sellers.forEach(s -> names.put(s.id(), s.name()));
		names.put(suzanne, "Suzanne de Vries");
		names.put(mark, "Mark Peeters");
		names.put(fatima, "Fatima El Amrani");
		DemoGoals goals = new DemoGoals(NORTHWIND_SEED + 1, organisations.get(admin.orgId()).timeZone(), today, suzanne, sales.id(),
				names, batch);
		goals.play(crews, sellers);
		goalLoad.load(admin.orgId(), goals.goals(), goals.proposals());
		log.info("Demo goals of {}: {} goals, {} agreement steps", admin.email(), goals.goals().size(), goals.proposals().size());
		// Last month's goals reached, as the wins that reached them would have told the reps and their managers.
		goalLoad.announceReached(admin.orgId(),
				Period.containing(today, Period.Kind.MONTH, organisations.get(admin.orgId()).fiscalYearStartMonth()).previous());
		long started = System.nanoTime();
		DemoForecasts forecasts = new DemoForecasts(NORTHWIND_SEED + 2, organisations.get(admin.orgId()).timeZone(), clock.instant(), suzanne,
				sales.id(), names, batch);
		forecasts.play(crews, sellers);
		forecastLoad.load(admin.orgId(), forecasts.submissions(), forecasts.adjustments());
		List<java.time.Instant> weeks = forecasts.snapshotTimes(26);
		weeks.forEach(at -> snapshots.take(admin.orgId(), at, true));
		log.info("Demo forecasts of {}: {} submissions, {} adjustments, {} weekly snapshots in {} ms", admin.email(),
				forecasts.submissions().size(), forecasts.adjustments().size(), weeks.size(), (System.nanoTime() - started) / 1_000_000);
		// The coaching story measures the history loaded a moment ago in this same transaction (the 1:1s' numbers, a
		// review's facts, the plans' baselines): without fresh statistics the planner takes these tables for empty and a
		// person's funnel takes minutes instead of milliseconds. The statistics of the bulk load itself follow its commit.
		jdbc.sql("analyze crm_deal, crm_deal_stage_history, crm_deal_stay, crm_activity, crm_deal_day, crm_deal_month,"
				+ " crm_activity_day, crm_activity_month, goals_goal").update();
		oneOnOnes.play(admin, today, NORTHWIND_SEED + 3);
		UUID brigitteReview = demoReviews.play(admin); // Brigitte's signed review, which her growth plan starts from
		helpRequests.tell(admin, batch, sellers, brigitte, mark);
		mentoring.play(admin);
		plans.play(admin, brigitteReview);
	}

	private void zuidwind() {
		CurrentUser admin = organisations.openDemo(new NewOrganisation("Zuidwind Demo", "Europe/Brussels", "EUR", "nl", 1),
				"admin@zuidwind.demo", "Zuidwind Admin", PASSWORD);
		LocalDate since = visibility.today(admin.orgId()).minusYears(1);
		Org org = new Org(admin, "zuidwind.demo");
		UUID joris = org.user("manager", "Joris Zuidema", Role.MANAGER);
		Team team = org.team("Zuidwind Sales", TeamKind.SALES, null, joris);
		Crew crew = new Crew(team.id(), Segment.MID_MARKET, joris, null, false, 3, List.of(DealSource.INBOUND));
		List<Seller> sellers = new ArrayList<>();
		for (String[] rep : new String[][] { { "jan", "Jan de Smet" }, { "els", "Els Vandamme" } }) {
			UUID id = org.user(rep[0], rep[1], Role.REP);
			org.member(team, id, since);
			sellers.add(new Seller(id, rep[1], List.of(new Stint(crew, since, null)), DemoCast.style(0.5, DemoCast.TEAM, 0.5, 0.1, 1)));
		}
		history(admin, ZUIDWIND_SEED, List.of(crew), sellers, Map.of(), since.plusMonths(6));
		catalogue(admin, List.of("Zuidwind Licentie"), List.of("950.00"));
		customFields.create(admin, new CustomFieldInput(CustomFieldKind.DEAL, "tender", "Aanbesteding", CustomFieldType.TEXT,
				List.of(), null, true));
	}

	/** A few products for sale, priced in the organisation's euros; no deal of the history has lines. */
	private void catalogue(CurrentUser admin, List<String> names, List<String> prices) {
		for (int i = 0; i < names.size(); i++) {
			products.create(admin, new ProductInput(names.get(i), "P-" + (i + 1), true, Map.of("EUR", new java.math.BigDecimal(prices.get(i)))));
		}
	}

	private BulkLoad.Batch history(CurrentUser admin, long seed, List<Crew> crews, List<Seller> sellers, Map<UUID, UUID> heirs,
			LocalDate from) {
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		ZoneId zone = organisations.get(admin.orgId()).timeZone();
		long started = System.nanoTime();
		BulkLoad.Batch batch = new DemoHistory(seed, zone, clock.instant(), pipeline, crews, sellers, heirs, admin.displayName())
			.play(from);
		long played = System.nanoTime();
		BulkLoad.Counts counts = bulkLoad.load(admin.orgId(), batch);
		log.info("Demo history of {}: {} accounts, {} contacts, {} deals, {} stage changes, {} activities, {} leads; "
				+ "played in {} ms, written in {} ms", admin.email(), counts.accounts(), counts.contacts(), counts.deals(),
				counts.stageChanges(), counts.activities(), counts.leads(), (played - started) / 1_000_000,
				(System.nanoTime() - played) / 1_000_000);
		return batch;
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
			return users.createDemoUser(admin, new NewUser(login + "@" + domain, name, role, null, PASSWORD, List.of())).user().id();
		}

		Team team(String name, TeamKind kind, @Nullable UUID parentId, @Nullable UUID leaderId) {
			return teams.create(admin, new NewTeam(name, kind, parentId, leaderId));
		}

		void member(Team team, UUID userId, LocalDate from) {
			teams.addMember(admin, team.id(), userId, from);
		}
	}
}
