package dev.tandem.bench;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.Direction;
import dev.tandem.crm.LeadStatus;
import dev.tandem.crm.NewActivity;
import dev.tandem.goals.GoalLoad;
import dev.tandem.goals.GoalMetric;
import dev.tandem.goals.GoalStatus;
import dev.tandem.goals.Scope;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import dev.tandem.platform.Period;
import dev.tandem.platform.Tenancy;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The large organisation of the benchmarks: Bench Corp, with a head of sales, 20 regions of 10 teams of 10 reps
 * (2,000 reps, 200 teams), and two years of history: 100,000 accounts, 500,000 deals with their stage history,
 * 5,000,000 activities and 40,000 leads, plus won-revenue goals of the last months. Deterministic for a given day:
 * every value comes from a seeded random per region, and history is relative to today, as the demo's is.
 * <p>
 * Created on start when {@code tandem.bench.organisation=true} and it does not exist yet (about ten minutes on two
 * cores), region by region, each in its own transaction. Every bench user's password is {@value #PASSWORD}.
 */
@Component
@ConditionalOnProperty("tandem.bench.organisation")
class LargeOrganisation implements ApplicationRunner {

	static final String PASSWORD = "bench-password";
	static final String DOMAIN = "bench.test";
	static final int REGIONS = 20;
	static final int TEAMS_PER_REGION = 10;
	static final int REPS_PER_TEAM = 10;
	static final int DEALS_PER_REP = 250;
	static final int ACTIVITIES_PER_REP = 2_500;
	static final int ACCOUNTS_PER_REP = 50;
	static final int LEADS_PER_REP = 20;
	static final int DAYS = 730;

	private static final Logger log = LoggerFactory.getLogger(LargeOrganisation.class);
	private static final ActivityType[] TYPES = { ActivityType.CALL, ActivityType.CALL, ActivityType.CALL, ActivityType.CALL,
			ActivityType.EMAIL, ActivityType.EMAIL, ActivityType.EMAIL, ActivityType.MEETING, ActivityType.SOCIAL, ActivityType.DEMO,
			ActivityType.NOTE, ActivityType.TASK };

	private final OrganisationManagement organisations;
	private final UserManagement users;
	private final TeamManagement teams;
	private final PlaybookManagement playbook;
	private final BulkLoad bulkLoad;
	private final GoalLoad goalLoad;
	private final PasswordEncoder passwords;
	private final JdbcClient jdbc;

	LargeOrganisation(OrganisationManagement organisations, UserManagement users, TeamManagement teams, PlaybookManagement playbook,
			BulkLoad bulkLoad, GoalLoad goalLoad, PasswordEncoder passwords, JdbcClient jdbc) {
		this.organisations = organisations;
		this.users = users;
		this.teams = teams;
		this.playbook = playbook;
		this.bulkLoad = bulkLoad;
		this.goalLoad = goalLoad;
		this.passwords = passwords;
		this.jdbc = jdbc;
	}

	/** Creates an organisation before anyone signs in: across organisations, declared, as the demo does. */
	@Override
	public void run(ApplicationArguments args) {
		Tenancy.asSystem(this::create);
	}

	private void create() {
		if (jdbc.sql("select count(*) from people_user where email = :email").param("email", "head@" + DOMAIN).query(Integer.class)
			.single() > 0) {
			log.info("Bench Corp exists");
			return;
		}
		long started = System.nanoTime();
		CurrentUser admin = organisations.open(new NewOrganisation("Bench Corp", "Europe/Amsterdam", "EUR", "en", 1), "admin@" + DOMAIN,
				"Bench Admin", PASSWORD);
		ZoneId zone = ZoneId.of("Europe/Amsterdam");
		LocalDate today = LocalDate.now(zone);
		UUID head = user(admin, "head", "Head of Sales", Role.EXECUTIVE);
		UUID sales = teams.create(admin, new NewTeam("Bench Sales", TeamKind.SALES, null, head)).id();
		Pipeline pipeline = playbook.defaultPipeline(admin.orgId());
		List<Stage> open = pipeline.openStages();
		Stage won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		Stage lost = pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
		LocalDate since = today.minusDays(DAYS);
		List<GoalLoad.GoalRow> goals = new ArrayList<>();
		long deals = 0;
		long activities = 0;
		for (int r = 1; r <= REGIONS; r++) {
			String region = String.format("%02d", r);
			UUID director = user(admin, "rd" + region, "Director " + region, Role.MANAGER);
			UUID regionTeam = teams.create(admin, new NewTeam("Region " + region, TeamKind.SALES, sales, director)).id();
			List<UUID> reps = new ArrayList<>();
			for (int t = 1; t <= TEAMS_PER_REGION; t++) {
				String team = region + String.format("%02d", t);
				UUID manager = user(admin, "m" + team, "Manager " + team, Role.MANAGER);
				UUID teamId = teams.create(admin, new NewTeam("Team " + team, TeamKind.SALES, regionTeam, manager)).id();
				for (int p = 1; p <= REPS_PER_TEAM; p++) {
					UUID rep = user(admin, "r" + team + String.format("%02d", p), "Rep " + team + String.format("%02d", p), Role.REP);
					teams.addMember(admin, teamId, rep, since);
					reps.add(rep);
				}
				goals.add(goal(Scope.team(teamId), today, new BigDecimal("400000")));
			}
			BulkLoad.Batch batch = history(new SplittableRandom(20_000 + r), reps, pipeline, open, won, lost, today, zone);
			bulkLoad.load(admin.orgId(), batch);
			deals += batch.deals().size();
			activities += batch.activities().size();
			reps.forEach(rep -> goals.add(goal(Scope.user(rep), today, new BigDecimal("40000"))));
			log.info("Bench Corp region {} of {}: {} deals, {} activities so far, {} s", r, REGIONS, deals, activities,
					(System.nanoTime() - started) / 1_000_000_000);
		}
		goalLoad.load(admin.orgId(), goals, List.of());
		jdbc.sql("update people_user set password_hash = :hash where org_id = :org").param("hash", passwords.encode(PASSWORD))
			.param("org", admin.orgId()).update();
		jdbc.sql("analyze").update();
		log.info("Bench Corp created in {} s: {} deals, {} activities", (System.nanoTime() - started) / 1_000_000_000, deals, activities);
	}

	/** Two years of one region's selling. */
	private static BulkLoad.Batch history(SplittableRandom random, List<UUID> reps, Pipeline pipeline, List<Stage> open, Stage won,
			Stage lost, LocalDate today, ZoneId zone) {
		List<BulkLoadRows.AccountRow> accounts = new ArrayList<>();
		List<BulkLoadRows.DealRow> deals = new ArrayList<>();
		List<BulkLoadRows.StageChangeRow> changes = new ArrayList<>();
		List<BulkLoadRows.ActivityRow> activities = new ArrayList<>();
		List<BulkLoadRows.LeadRow> leads = new ArrayList<>();
		// Everything happens before today began, so a rerun on the same day writes the same records.
		Instant now = today.atStartOfDay(zone).toInstant();
		for (UUID rep : reps) {
			Instant start = today.minusDays(DAYS).atStartOfDay(zone).toInstant();
			List<UUID> repAccounts = new ArrayList<>();
			for (int a = 0; a < ACCOUNTS_PER_REP; a++) {
				Instant created = start.plusSeconds(random.nextLong(86_400L * 60));
				UUID id = id(random, created);
				repAccounts.add(id);
				accounts.add(new BulkLoadRows.AccountRow(id, "Account " + id.toString().substring(24), "Software", "51-200", "NL", null, rep, created));
			}
			List<BulkLoadRows.DealRow> repDeals = new ArrayList<>();
			for (int d = 0; d < DEALS_PER_REP; d++) {
				LocalDate createdOn = workday(today.minusDays(1 + random.nextInt(DAYS - 1)));
				if (!createdOn.isBefore(today)) {
					createdOn = today.minusDays(3);
				}
				Instant created = createdOn.atTime(9 + random.nextInt(8), random.nextInt(60)).atZone(zone).toInstant();
				UUID id = id(random, created);
				BigDecimal amount = BigDecimal.valueOf(5_000 + 500L * random.nextInt(90));
				LocalDate planned = createdOn.plusDays(30 + random.nextInt(60));
				Stage stage = open.get(0);
				Instant at = created;
				changes.add(new BulkLoadRows.StageChangeRow(id, null, stage.id(), at, rep));
				DealStatus status = DealStatus.OPEN;
				Instant closedAt = null;
				for (int s = 1; s <= open.size(); s++) {
					Instant next = at.plusSeconds(86_400L * (2 + random.nextInt(12)));
					if (next.isAfter(now)) {
						break;
					}
					// About one deal in four is won: 0.85 at each of six steps, then 0.6 from the last open stage.
					boolean advance = random.nextDouble() < (s < open.size() ? 0.85 : 0.6);
					Stage to = !advance ? lost : s < open.size() ? open.get(s) : won;
					changes.add(new BulkLoadRows.StageChangeRow(id, stage.id(), to.id(), next, rep));
					stage = to;
					at = next;
					if (to.kind() != StageKind.OPEN) {
						status = to.kind() == StageKind.WON ? DealStatus.WON : DealStatus.LOST;
						closedAt = next;
						break;
					}
				}
				LocalDate closeDate = closedAt != null ? LocalDate.ofInstant(closedAt, zone) : planned.isBefore(today) ? today.plusDays(
						random.nextInt(45)) : planned;
				ForecastCategory category = status == DealStatus.WON ? ForecastCategory.CLOSED
						: status == DealStatus.LOST ? ForecastCategory.OMITTED : stage.forecastCategory();
				BulkLoadRows.DealRow deal = new BulkLoadRows.DealRow(id, repAccounts.get(random.nextInt(repAccounts.size())), rep,
						"Deal " + id.toString().substring(24), amount, closeDate, pipeline.id(), stage.id(), status, category, false,
						status == DealStatus.OPEN ? "Follow up" : null, status == DealStatus.OPEN ? today.plusDays(random.nextInt(14)) : null,
						DealSource.values()[random.nextInt(DealSource.values().length)], status == DealStatus.LOST ? "Price" : null, null,
						closedAt, at, at, null, created, at);
				repDeals.add(deal);
			}
			repDeals.sort(java.util.Comparator.comparing(BulkLoadRows.DealRow::createdAt));
			deals.addAll(repDeals);
			for (int i = 0; i < ACTIVITIES_PER_REP; i++) {
				LocalDate day = workday(today.minusDays(1 + random.nextInt(DAYS)));
				Instant at = day.atTime(8 + random.nextInt(10), random.nextInt(60)).atZone(zone).toInstant();
				if (at.isAfter(now)) {
					at = now.minusSeconds(60 + random.nextInt(3600));
				}
				ActivityType type = TYPES[random.nextInt(TYPES.length)];
				boolean done = type != ActivityType.TASK || random.nextInt(4) > 0;
				BulkLoadRows.DealRow deal = random.nextInt(10) < 6 ? dealBefore(repDeals, at, random) : null;
				UUID account = deal != null ? deal.accountId() : repAccounts.get(random.nextInt(repAccounts.size()));
				activities.add(new BulkLoadRows.ActivityRow(id(random, at), type, NewActivity.defaultChannel(type),
						random.nextInt(5) == 0 ? Direction.INBOUND : Direction.OUTBOUND, type.name().charAt(0) + type.name().substring(1)
								.toLowerCase(java.util.Locale.ROOT) + " with the customer",
						null, null, type == ActivityType.MEETING || type == ActivityType.DEMO ? 45 : null, done ? at : null, done ? null : at,
						done, deal == null ? null : deal.id(), account, rep, rep, false, List.of(), List.of(), at));
			}
			for (int l = 0; l < LEADS_PER_REP; l++) {
				Instant created = today.minusDays(random.nextInt(DAYS)).atTime(10, 0).atZone(zone).toInstant();
				LeadStatus status = LeadStatus.values()[random.nextInt(LeadStatus.values().length)];
				boolean qualified = status == LeadStatus.QUALIFIED || status == LeadStatus.CONVERTED;
				leads.add(new BulkLoadRows.LeadRow(id(random, created), "Lead " + l, "Company " + l, null, null, DealSource.INBOUND, null,
						random.nextInt(100), status, status == LeadStatus.DISQUALIFIED ? "No budget" : null, null, rep, null, null, null,
						created, created, qualified ? created.plusSeconds(86_400L * 3) : null,
						status == LeadStatus.CONVERTED ? created.plusSeconds(86_400L * 5) : null));
			}
		}
		return new BulkLoad.Batch("bench", accounts, List.of(), deals, changes, List.of(), List.of(), List.of(), activities, leads,
				List.of(), List.of());
	}

	/** One of the deals created before {@code at}, or none. */
	private static BulkLoadRows.DealRow dealBefore(List<BulkLoadRows.DealRow> sorted, Instant at, SplittableRandom random) {
		int low = 0;
		int high = sorted.size();
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (sorted.get(mid).createdAt().isBefore(at)) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low == 0 ? null : sorted.get(Math.max(0, low - 1 - random.nextInt(Math.min(low, 40))));
	}

	private static GoalLoad.GoalRow goal(Scope scope, LocalDate today, BigDecimal target) {
		Period month = Period.containing(today, Period.Kind.MONTH, 1);
		return new GoalLoad.GoalRow(new UUID(scope.id().getMostSignificantBits(), scope.id().getLeastSignificantBits() ^ 0x5L), scope, GoalMetric.WON_REVENUE, Set.of(), month, target, target, GoalStatus.AGREED,
				true, today.atStartOfDay(ZoneId.of("Europe/Amsterdam")).toInstant(), "bench", null);
	}

	private UUID user(CurrentUser admin, String login, String name, Role role) {
		return users.create(admin, new NewUser(login + "@" + DOMAIN, name, role, "en", null, List.of())).user().id();
	}

	private static LocalDate workday(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2) : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
	}

	/** A UUIDv7 for a moment, its random bits from the seeded random, so a rerun on the same day writes the same ids. */
	private static UUID id(SplittableRandom random, Instant at) {
		long msb = (at.toEpochMilli() << 16) | 0x7000L | (random.nextLong() & 0x0FFFL);
		long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(msb, lsb);
	}
}
