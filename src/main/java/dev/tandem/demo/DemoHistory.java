package dev.tandem.demo;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows.AccountRow;
import dev.tandem.crm.BulkLoadRows.ActivityRow;
import dev.tandem.crm.BulkLoadRows.ContactRow;
import dev.tandem.crm.BulkLoadRows.DealRow;
import dev.tandem.crm.BulkLoadRows.FieldChangeRow;
import dev.tandem.crm.BulkLoadRows.StageChangeRow;
import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.Channel;
import dev.tandem.crm.DealSource;
import dev.tandem.crm.DealStatus;
import dev.tandem.crm.Direction;
import dev.tandem.crm.NewActivity;
import dev.tandem.crm.StakeholderRole;
import dev.tandem.crm.Stance;
import dev.tandem.demo.DemoCast.Crew;
import dev.tandem.demo.DemoCast.Segment;
import dev.tandem.demo.DemoCast.Seller;
import dev.tandem.demo.DemoCast.Stint;
import dev.tandem.playbook.ActivityType;
import dev.tandem.playbook.ExitCriterion;
import dev.tandem.playbook.ForecastCategory;
import dev.tandem.playbook.Pipeline;
import dev.tandem.playbook.RequiredActivity;
import dev.tandem.playbook.Stage;
import dev.tandem.playbook.StageKind;
import org.jspecify.annotations.Nullable;

/**
 * Plays out the sales history of a demo organisation, day by day, and hands it over as one
 * {@link BulkLoad.Batch}: leads arrive and are routed by the real round-robin rule; reps prospect,
 * start deals and move them through the playbook, logging the activities each stage asks for before
 * they move on; some deals are won, most are lost along the way; close dates slip and get pushed,
 * amounts change at the proposal; managers join meetings (or take them over). What is still open
 * today is the pipeline the team works on now.
 */
final class DemoHistory {

	/** Typical working days a deal spends in each open stage, before the segment's cycle scale. */
	private static final double[] DWELL_DAYS = { 3, 6, 8, 9, 7, 12, 9 };
	/** Extra activities a deal gets per stage, on average, besides what the playbook requires. */
	private static final double[] STAGE_TOUCHES = { 1.2, 1.5, 1.6, 1.4, 1.5, 1.8, 1.6 };
	private static final List<List<ActivityType>> STAGE_MIX = List.of(
			List.of(ActivityType.EMAIL, ActivityType.CALL, ActivityType.SOCIAL),
			List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.EMAIL, ActivityType.SOCIAL),
			List.of(ActivityType.MEETING, ActivityType.CALL, ActivityType.EMAIL),
			List.of(ActivityType.MEETING, ActivityType.EMAIL, ActivityType.CALL),
			List.of(ActivityType.CALL, ActivityType.EMAIL, ActivityType.MEETING),
			List.of(ActivityType.MEETING, ActivityType.EMAIL, ActivityType.CALL),
			List.of(ActivityType.CALL, ActivityType.MEETING, ActivityType.EMAIL));
	private static final List<ActivityType> TOUCH_MIX = List.of(ActivityType.CALL, ActivityType.CALL, ActivityType.CALL,
			ActivityType.CALL, ActivityType.EMAIL, ActivityType.EMAIL, ActivityType.EMAIL, ActivityType.SOCIAL, ActivityType.SOCIAL,
			ActivityType.MEETING);

	private final DemoRandom random;
	/**
	 * Whether a manager who carries his reps' deals logs an activity himself, apart from {@link #random} so the rest of
	 * the history stays as it was.
	 */
	private final DemoRandom carries;
	/** For the roles the playbook's criteria ask of a buying group, apart from {@link #random}. */
	private final DemoRandom roles;
	private final DemoNames names;
	private final ZoneId zone;
	private final LocalDate today;
	private final Instant now;
	private final List<Stage> open;
	private final Stage won;
	private final Stage lost;
	private final UUID pipelineId;
	private final List<Crew> crews;
	private final List<Seller> sellers;
	private final Map<UUID, UUID> heirs;
	private final String actor;

	private final Map<UUID, List<AccountRef>> portfolios = new HashMap<>();
	private final List<AccountRow> accounts = new ArrayList<>();
	private final List<ContactRow> contacts = new ArrayList<>();
	private final List<DealRow> deals = new ArrayList<>();
	private final List<StageChangeRow> stageChanges = new ArrayList<>();
	private final List<FieldChangeRow> fieldChanges = new ArrayList<>();
	private final List<BulkLoadRows.CriterionRow> criteria = new ArrayList<>();
	private final List<BulkLoadRows.StakeholderRow> stakeholders = new ArrayList<>();
	private final List<ActivityRow> activities = new ArrayList<>();
	private final List<BulkLoadRows.LeadRow> leads = new ArrayList<>();
	private final List<BulkLoadRows.AssignmentRow> assignments = new ArrayList<>();
	private final List<BulkLoadRows.RoutingStateRow> routing = new ArrayList<>();

	/**
	 * @param heirs who takes over a seller's open deals on the day that seller stops selling (a rep
	 * promoted to manager hands their deals to a colleague)
	 */
	DemoHistory(long seed, ZoneId zone, Instant now, Pipeline pipeline, List<Crew> crews, List<Seller> sellers,
			Map<UUID, UUID> heirs, String actor) {
		this.random = new DemoRandom(seed);
		this.roles = new DemoRandom(seed + 17);
		this.carries = new DemoRandom(seed + 23);
		this.names = new DemoNames(random);
		this.zone = zone;
		this.now = now;
		this.today = LocalDate.ofInstant(now, zone);
		this.pipelineId = pipeline.id();
		this.open = pipeline.openStages();
		this.won = pipeline.stages().stream().filter(s -> s.kind() == StageKind.WON).findFirst().orElseThrow();
		this.lost = pipeline.stages().stream().filter(s -> s.kind() == StageKind.LOST).findFirst().orElseThrow();
		this.crews = crews;
		this.sellers = sellers;
		this.heirs = heirs;
		this.actor = actor;
	}

	/** Plays the history from {@code from} until now. */
	BulkLoad.Batch play(LocalDate from) {
		for (Seller seller : sellers) {
			portfolio(seller, from);
		}
		List<DealStart> starts = new ArrayList<>();
		for (Crew crew : crews) {
			leadFlow(crew, from, starts);
		}
		for (Seller seller : sellers) {
			outbound(seller, from, starts);
		}
		starts.sort(Comparator.comparing(DealStart::at).thenComparing(DealStart::dealId));
		for (DealStart start : starts) {
			new DealStory(start).play();
		}
		for (Seller seller : sellers) {
			prospecting(seller, from);
		}
		return new BulkLoad.Batch(actor, accounts, contacts, deals, stageChanges, fieldChanges, criteria, stakeholders,
				activities, leads, assignments, routing);
	}

	// Accounts and contacts

	private void portfolio(Seller seller, LocalDate from) {
		int size = switch (seller.segment()) {
			case INSIDE -> 45;
			case MID_MARKET -> 40;
			case ENTERPRISE -> 28;
		};
		LocalDate since = seller.start().isBefore(from) ? from : seller.start();
		for (int i = 0; i < size; i++) {
			Instant created = workTime(since.minusDays(random.between(1, 120)));
			account(seller.id(), seller.segment(), names.company(), created);
		}
	}

	private AccountRef account(UUID ownerId, Segment segment, String name, Instant created) {
		boolean belgian = random.chance(0.25);
		UUID id = random.idAt(created);
		accounts.add(new AccountRow(id, name, random.pick(DemoNames.SECTORS), random.pick(segment.sizes), belgian ? "BE" : "NL",
				DemoNames.website(name, belgian), ownerId, created));
		AccountRef ref = new AccountRef(id, name, belgian, new ArrayList<>());
		int people = random.between(1, 3);
		for (int i = 0; i < people; i++) {
			contact(ref, names.person(), created);
		}
		portfolios.computeIfAbsent(ownerId, k -> new ArrayList<>()).add(ref);
		return ref;
	}

	private UUID contact(AccountRef account, String person, Instant created) {
		UUID id = random.idAt(created);
		contacts.add(new ContactRow(id, account.id(), person, random.pick(DemoNames.TITLES), DemoNames.email(person, account.name()),
				names.phone(account.belgian()), random.chance(0.6) ? "https://www.linkedin.com/in/" + DemoNames.slug(person) : null,
				created));
		account.contacts().add(id);
		return id;
	}

	// Leads

	private void leadFlow(Crew crew, LocalDate from, List<DealStart> starts) {
		Map<UUID, BigDecimal> positions = new LinkedHashMap<>();
		Map<UUID, Integer> routed = new HashMap<>();
		for (LocalDate day = from; !day.isAfter(today); day = day.plusDays(1)) {
			if (weekend(day)) {
				continue;
			}
			int arriving = random.poisson(crew.leadsPerWeek() / 5 * season(day));
			for (int i = 0; i < arriving; i++) {
				Instant at = workTime(day);
				if (at.isAfter(now)) {
					continue;
				}
				List<RoundRobinSeat> seats = seatsOn(crew, day, positions, routed);
				var turn = dev.tandem.crm.RoundRobin.play(seats.stream().map(RoundRobinSeat::seat).toList());
				if (turn.isEmpty()) {
					continue;
				}
				turn.get().positions().forEach(positions::put);
				UUID ownerId = turn.get().chosen();
				routed.merge(ownerId, 1, Integer::sum);
				Seller owner = seats.stream().filter(s -> s.seller().id().equals(ownerId)).findFirst().orElseThrow().seller();
				UUID leadId = random.idAt(at);
				assignments.add(new BulkLoadRows.AssignmentRow(leadId, crew.teamId(), ownerId, turn.get().rule(), turn.get().candidates(),
						BulkLoad.turnReason(), at, null));
				lead(crew, owner, leadId, at, starts);
			}
		}
		for (Seller seller : sellers) {
			Stint stint = seller.stintOn(today);
			if (stint != null && stint.crew() == crew && positions.containsKey(seller.id())) {
				routing.add(new BulkLoadRows.RoutingStateRow(crew.teamId(), seller.id(), weight(seller), positions.get(seller.id())));
			}
		}
	}

	private List<RoundRobinSeat> seatsOn(Crew crew, LocalDate day, Map<UUID, BigDecimal> positions, Map<UUID, Integer> routed) {
		List<RoundRobinSeat> seats = new ArrayList<>();
		for (Seller seller : sellers) {
			Stint stint = seller.stintOn(day);
			if (stint != null && stint.crew() == crew) {
				seats.add(new RoundRobinSeat(seller, new dev.tandem.crm.RoundRobin.Seat(seller.id(), seller.name(), weight(seller),
						positions.getOrDefault(seller.id(), BigDecimal.ZERO), routed.getOrDefault(seller.id(), 0), true)));
			}
		}
		seats.sort(Comparator.comparing(s -> s.seller().id()));
		return seats;
	}

	/** A newcomer takes half a share of the leads while ramping up. */
	private static BigDecimal weight(Seller seller) {
		return seller.style().rampFrom() != null ? new BigDecimal("0.50") : BigDecimal.ONE;
	}

	private void lead(Crew crew, Seller owner, UUID leadId, Instant at, List<DealStart> starts) {
		DealSource source = random.pick(crew.leadSources());
		String person = names.person();
		String company = names.company();
		boolean belgian = random.chance(0.25);
		double convert = switch (source) {
			case REFERRAL -> 0.50;
			case PARTNER -> 0.42;
			case INBOUND -> 0.32;
			case MARKETING_CAMPAIGN -> 0.20;
			case OUTBOUND -> 0.25;
		} * owner.style().leadSkill();
		int score = Math.min(100, Math.max(5, (int) Math.round(convert * 120 + random.between(-25, 25))));
		Instant contactedAt = later(at, random.between(0.1, 1.5));
		double roll = random.uniform();
		dev.tandem.crm.LeadStatus status;
		String reason = null;
		Instant updated = at;
		UUID accountId = null;
		UUID contactId = null;
		UUID dealId = null;
		Instant qualifiedAt = null;
		Instant converted = null;
		if (contactedAt.isAfter(now)) {
			status = dev.tandem.crm.LeadStatus.NEW;
		}
		else if (roll < convert) {
			Instant converting = later(at, random.between(2, 12));
			qualifiedAt = later(contactedAt, random.between(0.2, 2));
			if (converting.isAfter(now) || qualifiedAt.isAfter(converting)) {
				status = qualifiedAt.isAfter(now) ? dev.tandem.crm.LeadStatus.CONTACTED : dev.tandem.crm.LeadStatus.QUALIFIED;
				qualifiedAt = qualifiedAt.isAfter(now) ? null : qualifiedAt;
				updated = qualifiedAt == null ? contactedAt : qualifiedAt;
			}
			else {
				Instant convertedAt = converting;
				status = dev.tandem.crm.LeadStatus.CONVERTED;
				updated = convertedAt;
				AccountRef account = account(owner.id(), owner.stintNear(LocalDate.ofInstant(at, zone)).crew().segment(), company,
						convertedAt);
				contactId = contact(account, person, convertedAt);
				accountId = account.id();
				dealId = random.idAt(convertedAt);
				starts.add(new DealStart(dealId, owner, convertedAt, source, account, contactId));
				converted = convertedAt;
			}
		}
		else if (roll < convert + 0.45) {
			Instant disqualifiedAt = later(at, random.between(1, 6));
			status = disqualifiedAt.isAfter(now) ? dev.tandem.crm.LeadStatus.CONTACTED : dev.tandem.crm.LeadStatus.DISQUALIFIED;
			reason = status == dev.tandem.crm.LeadStatus.DISQUALIFIED ? random.pick(DemoNames.DISQUALIFIED_REASONS) : null;
			updated = disqualifiedAt.isAfter(now) ? contactedAt : disqualifiedAt;
		}
		else {
			status = dev.tandem.crm.LeadStatus.CONTACTED;
			updated = contactedAt;
		}
		leads.add(new BulkLoadRows.LeadRow(leadId, person, company, DemoNames.email(person, company), names.phone(belgian), source,
				source == DealSource.MARKETING_CAMPAIGN ? random.pick(DemoNames.CAMPAIGNS) : null, score, status, reason,
				crew.teamId(), owner.id(), accountId, contactId, dealId, at, updated, qualifiedAt, converted));
	}

	// Outbound deals and prospecting

	private void outbound(Seller seller, LocalDate from, List<DealStart> starts) {
		for (LocalDate day = max(from, seller.start()); !day.isAfter(today); day = day.plusDays(1)) {
			Stint stint = seller.stintOn(day);
			if (stint == null || weekend(day) || (seller.end() != null && day.isAfter(seller.end().minusDays(45)))) {
				continue;
			}
			double perDay = stint.crew().segment().outboundDealsPerWeek / 5 * seller.style().volume() * season(day) * form(seller, day);
			for (int i = random.poisson(perDay); i > 0; i--) {
				Instant at = workTime(day);
				if (at.isBefore(now)) {
					AccountRef account = random.pick(portfolios.get(seller.id()));
					starts.add(new DealStart(random.idAt(at), seller, at,
							random.chance(0.8) ? DealSource.OUTBOUND : DealSource.REFERRAL, account, null));
				}
			}
		}
	}

	private void prospecting(Seller seller, LocalDate from) {
		List<AccountRef> portfolio = portfolios.get(seller.id());
		for (LocalDate day = max(from, seller.start()); !day.isAfter(today); day = day.plusDays(1)) {
			Stint stint = seller.stintOn(day);
			if (stint == null || weekend(day)) {
				continue;
			}
			double perDay = stint.crew().segment().touchesPerDay * seller.style().activity() * season(day) * form(seller, day);
			for (int i = random.poisson(perDay); i > 0; i--) {
				Instant at = workTime(day);
				if (at.isAfter(now)) {
					continue;
				}
				ActivityType type = random.pick(TOUCH_MIX);
				AccountRef account = random.pick(portfolio);
				activity(type, at, null, account, random.pick(account.contacts()), seller.id(), seller.id(), null);
			}
		}
	}

	/** How a seller's output compares with their usual: a newcomer ramps up, a declining rep falls away. */
	private double form(Seller seller, LocalDate day) {
		double form = 1;
		if (seller.style().declineFrom() != null && !day.isBefore(seller.style().declineFrom())) {
			form *= 0.55;
		}
		if (seller.style().rampFrom() != null) {
			long weeks = ChronoUnit.WEEKS.between(seller.style().rampFrom(), day);
			form *= Math.max(0.3, Math.min(1, (weeks + 1) / 10.0));
		}
		return form;
	}

	private void activity(ActivityType type, Instant at, @Nullable UUID dealId, AccountRef account, @Nullable UUID contactId,
			UUID ownerId, UUID loggedBy, @Nullable UUID jointWith) {
		Channel channel = type == ActivityType.MEETING && random.chance(0.4) ? Channel.IN_PERSON : NewActivity.defaultChannel(type);
		Direction direction = (type == ActivityType.EMAIL || type == ActivityType.CALL) && random.chance(0.2) ? Direction.INBOUND
				: Direction.OUTBOUND;
		Integer duration = switch (type) {
			case CALL -> random.between(3, 35);
			case MEETING -> random.pick(List.of(30, 45, 60, 60, 90));
			case DEMO -> random.pick(List.of(45, 60, 90));
			default -> null;
		};
		String outcome = type == ActivityType.CALL ? random.pick(List.of("Reached, follow-up agreed", "Voicemail left",
				"No answer", "Interested, sending info", "Meeting booked")) : null;
		activities.add(new ActivityRow(random.idAt(at), type, channel, direction, subject(type, dealId != null), null, outcome,
				duration, at, null, true, dealId, account.id(), ownerId, loggedBy, jointWith != null,
				contactId == null ? List.of() : List.of(contactId), jointWith == null ? List.of() : List.of(jointWith), at));
	}

	private String subject(ActivityType type, boolean onDeal) {
		return switch (type) {
			case CALL -> random.pick(onDeal ? List.of("Follow-up call", "Discovery call", "Check-in call", "Call about next steps")
					: List.of("Cold call", "Intro call", "Call to reconnect"));
			case EMAIL -> random.pick(onDeal ? List.of("Follow-up e-mail", "Meeting recap", "Sent case study", "Answered questions")
					: List.of("Intro e-mail", "Sent newsletter follow-up", "Shared an article"));
			case MEETING -> random.pick(onDeal ? List.of("Needs analysis meeting", "Stakeholder meeting", "On-site visit",
					"Meeting with the project team") : List.of("Introduction meeting", "Coffee with the account"));
			case DEMO -> random.pick(List.of("Product demo", "Demo for the team", "Tailored demo"));
			case PROPOSAL -> random.pick(List.of("Proposal sent", "Proposal walkthrough"));
			case SOCIAL -> random.pick(List.of("LinkedIn connection", "Commented on a LinkedIn post", "LinkedIn message"));
			case NOTE -> "Note";
			case TASK -> "Task";
		};
	}

	// Time

	private static boolean weekend(LocalDate day) {
		return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
	}

	/** Fewer deals and touches in the summer holidays and around Christmas. */
	private static double season(LocalDate day) {
		return day.getMonth() == Month.AUGUST ? 0.8 : day.getMonth() == Month.JULY ? 0.9 : day.getMonth() == Month.DECEMBER ? 0.9 : 1;
	}

	private Instant workTime(LocalDate day) {
		return day.atTime(LocalTime.of(8, 30).plusMinutes(random.between(0, 9 * 60))).atZone(zone).toInstant();
	}

	/** A working moment about {@code days} after {@code from}. */
	private Instant later(Instant from, double days) {
		LocalDate day = LocalDate.ofInstant(from.plus(Duration.ofMinutes((long) (days * 1440))), zone);
		while (weekend(day)) {
			day = day.plusDays(1);
		}
		Instant at = workTime(day);
		return at.isAfter(from) ? at : from.plusSeconds(random.between(600, 7200));
	}

	private Instant between(Instant from, Instant to) {
		long span = Math.max(1, to.getEpochSecond() - from.getEpochSecond());
		Instant at = from.plusSeconds((long) (random.uniform() * span));
		LocalDate day = LocalDate.ofInstant(at, zone);
		Instant work = weekend(day) ? at : workTime(day);
		return work.isBefore(from) || work.isAfter(to) ? at : work;
	}

	private static LocalDate max(LocalDate a, LocalDate b) {
		return a.isAfter(b) ? a : b;
	}

	private static Instant min(Instant a, Instant b) {
		return a.isBefore(b) ? a : b;
	}

	private record AccountRef(UUID id, String name, boolean belgian, List<UUID> contacts) {
	}

	private record DealStart(UUID dealId, Seller seller, Instant at, DealSource source, AccountRef account,
			@Nullable UUID contactId) {
	}

	private record RoundRobinSeat(Seller seller, dev.tandem.crm.RoundRobin.Seat seat) {
	}

	/** One deal from its first day to today: moves, activities, slips, and how it ends. */
	private final class DealStory {

		private final DealStart start;
		private final Seller seller;
		private final Crew crew;
		private final Instant handover;
		private final Map<ActivityType, Integer> counts = new EnumMap<>(ActivityType.class);
		private final List<UUID> group = new ArrayList<>();
		private final java.util.Set<StakeholderRole> mapped = java.util.EnumSet.noneOf(StakeholderRole.class);
		private BigDecimal amount;
		private LocalDate expectedClose;
		private ForecastCategory category;
		private boolean overridden;
		private Instant lastActivity;
		private Instant lastChange;

		DealStory(DealStart start) {
			this.start = start;
			this.seller = start.seller();
			this.crew = seller.stintNear(LocalDate.ofInstant(start.at(), zone)).crew();
			this.handover = seller.end() == null || !heirs.containsKey(seller.id()) ? Instant.MAX
					: seller.end().atTime(9, 0).atZone(zone).toInstant();
			Segment segment = crew.segment();
			int raw = random.between(segment.minAmount, segment.maxAmount);
			this.amount = BigDecimal.valueOf(Math.round(raw / 500.0) * 500L).setScale(2);
			this.expectedClose = LocalDate.ofInstant(start.at(), zone)
				.plusDays(Math.round(segment.cycleScale * 55 * random.between(0.7, 1.3)));
			this.category = open.get(0).forecastCategory();
			this.lastChange = start.at();
		}

		void play() {
			Instant entered = start.at();
			stageChanges.add(new StageChangeRow(start.dealId(), null, open.get(0).id(), entered, seller.id()));
			if (start.contactId() != null) {
				group.add(start.contactId());
			}
			int stage = 0;
			DealStatus status = DealStatus.OPEN;
			Stage current = open.get(0);
			Instant closedAt = null;
			String lostReason = null;
			while (true) {
				double dwell = DWELL_DAYS[stage] * crew.segment().cycleScale * random.between(0.4, 1.7);
				Instant leave = later(entered, dwell);
				Instant until = min(leave, now);
				int touches = random.poisson(STAGE_TOUCHES[stage] * seller.style().activity());
				for (int i = 0; i < touches; i++) {
					log(random.pick(STAGE_MIX.get(stage)), between(entered, until), stage);
				}
				keepCloseDateCurrent(until);
				if (leave.isAfter(now)) {
					break;
				}
				double chance = seller.style().advance()[stage] * (declining(leave) ? 0.88 : 1);
				if (!random.chance(chance)) {
					status = DealStatus.LOST;
					current = lost;
					closedAt = leave;
					lostReason = stage == 0 ? "Not a fit" : random.pick(DemoNames.LOST_REASONS);
					close(leave, ForecastCategory.OMITTED);
					stageChanges.add(new StageChangeRow(start.dealId(), open.get(stage).id(), lost.id(), leave, ownerAt(leave)));
					break;
				}
				Stage target = stage + 1 < open.size() ? open.get(stage + 1) : won;
				satisfy(target, entered, leave, stage);
				if (target == won && slidAway(leave)) {
					// A sliding rep's deals of the last months slip away at the last step, whatever the draws: the
					// sustained under-performance the manager is to see holds on every day the demo is made.
					status = DealStatus.LOST;
					current = lost;
					closedAt = leave;
					lostReason = "Went quiet, no decision";
					close(leave, ForecastCategory.OMITTED);
					stageChanges.add(new StageChangeRow(start.dealId(), open.get(stage).id(), lost.id(), leave, ownerAt(leave)));
					break;
				}
				stageChanges.add(new StageChangeRow(start.dealId(), open.get(stage).id(), target.id(), leave, ownerAt(leave)));
				if (target == won) {
					status = DealStatus.WON;
					current = won;
					closedAt = leave;
					close(leave, ForecastCategory.CLOSED);
					break;
				}
				entered = leave;
				stage++;
				current = target;
				enter(target, leave);
			}
			finish(status, current, entered, closedAt, lostReason);
		}

		private void enter(Stage target, Instant at) {
			if (!overridden && target.forecastCategory() != category) {
				changeCategory(target.forecastCategory(), at);
			}
			if (target.forecastCategory() == ForecastCategory.BEST_CASE && random.chance(0.25)) {
				BigDecimal changed = amount.multiply(BigDecimal.valueOf(random.between(0.8, 1.25)))
					.divide(BigDecimal.valueOf(500), 0, java.math.RoundingMode.HALF_UP).multiply(BigDecimal.valueOf(500)).setScale(2);
				Instant when = later(at, random.between(0.5, 3));
				if (when.isBefore(now) && changed.compareTo(amount) != 0) {
					fieldChanges.add(new FieldChangeRow(start.dealId(), "amount", amount.toPlainString(), changed.toPlainString(), when,
							ownerAt(when)));
					amount = changed;
					lastChange = when;
				}
			}
			if (target.forecastCategory() == ForecastCategory.BEST_CASE && random.chance(0.2)) {
				Instant when = later(at, random.between(1, 4));
				if (when.isBefore(now)) {
					changeCategory(ForecastCategory.COMMIT, when);
					overridden = true;
				}
			}
		}

		private void changeCategory(ForecastCategory next, Instant at) {
			fieldChanges.add(new FieldChangeRow(start.dealId(), "forecastCategory", category.name(), next.name(), at, ownerAt(at)));
			category = next;
			lastChange = at;
		}

		/** Logs what the next stage requires and maps the buying group, just before the move. */
		private void satisfy(Stage target, Instant entered, Instant leave, int stage) {
			Instant before = entered.plus(Duration.between(entered, leave).multipliedBy(3).dividedBy(4));
			for (RequiredActivity required : target.requiredActivities()) {
				while (counts.getOrDefault(required.type(), 0) < required.minCount()) {
					log(required.type(), between(before, leave), stage);
				}
			}
			if (target.minStakeholders() > 0 || target.requiresDecisionMaker()) {
				mapBuyingGroup(Math.max(target.minStakeholders(), 2) + random.between(0, 2), before);
			}
			for (ExitCriterion criterion : target.exitCriteria()) {
				Instant met = between(before, leave);
				if (criterion.satisfiedByRole() != null) {
					// Met by the buying group, not by a tick: the rep finds the person with that role.
					withRole(StakeholderRole.valueOf(criterion.satisfiedByRole().name()), met);
				}
				else {
					criteria.add(new BulkLoadRows.CriterionRow(start.dealId(), criterion.id(), met, ownerAt(before)));
				}
			}
		}

		/**
		 * Gives someone of the account this role in the buying group, unless someone has it: a contact not yet in it,
		 * or else the latest one mapped who is not the decision maker. It draws from a generator of its own, so the
		 * rest of the history plays out exactly as before.
		 */
		private void withRole(StakeholderRole role, Instant at) {
			if (mapped.contains(role)) {
				return;
			}
			List<UUID> outside = new ArrayList<>(start.account().contacts());
			outside.removeAll(group);
			if (!outside.isEmpty()) {
				// Not added to the group the history draws activities from, so every later draw stays as it was.
				stakeholders.add(new BulkLoadRows.StakeholderRow(roles.idAt(at), start.dealId(), outside.get(0), role, 4, Stance.SUPPORTIVE, at));
				mapped.add(role);
				return;
			}
			for (int i = stakeholders.size() - 1; i >= 0; i--) {
				BulkLoadRows.StakeholderRow row = stakeholders.get(i);
				if (row.dealId().equals(start.dealId()) && row.role() != StakeholderRole.DECISION_MAKER) {
					stakeholders.set(i, new BulkLoadRows.StakeholderRow(row.id(), row.dealId(), row.contactId(), role, row.influence(), row.stance(),
							row.createdAt()));
					mapped.remove(row.role());
					mapped.add(role);
					return;
				}
			}
		}

		private void mapBuyingGroup(int size, Instant at) {
			while (start.account().contacts().size() < size) {
				contact(start.account(), names.person(), at);
			}
			List<UUID> people = new ArrayList<>(start.account().contacts());
			List<StakeholderRole> roles = List.of(StakeholderRole.ECONOMIC_BUYER, StakeholderRole.INFLUENCER,
					StakeholderRole.CHAMPION, StakeholderRole.USER, StakeholderRole.GATEKEEPER);
			for (int i = 0; i < size; i++) {
				UUID contact = people.remove(random.between(0, people.size() - 1));
				StakeholderRole role = i == 0 ? StakeholderRole.DECISION_MAKER : random.pick(roles);
				Stance stance = random.chance(0.5) ? Stance.SUPPORTIVE : random.chance(0.8) ? Stance.NEUTRAL : Stance.OPPOSED;
				stakeholders.add(new BulkLoadRows.StakeholderRow(random.idAt(at), start.dealId(), contact, role, random.between(2, 5), stance,
						at));
				mapped.add(role);
				if (!group.contains(contact)) {
					group.add(contact);
				}
			}
		}

		private void log(ActivityType type, Instant at, int stage) {
			if (at.isAfter(now)) {
				return;
			}
			counts.merge(type, 1, Integer::sum);
			UUID owner = ownerAt(at);
			UUID manager = crew.managerOn(LocalDate.ofInstant(at, zone));
			boolean late = stage >= 4 && type != ActivityType.EMAIL;
			UUID loggedBy = owner;
			UUID joint = null;
			boolean takenLate = manager != null && late && crew.takesOver() && random.chance(0.3);
			boolean joins = !takenLate && manager != null && late && random.chance(0.12);
			// A manager who carries his reps' deals also makes half of their calls and meetings himself from the
			// needs analysis on, without counting them as joint: the high takeover ratio his coaching page shows.
			boolean carried = !takenLate && manager != null && crew.takesOver() && stage >= 2 && type != ActivityType.EMAIL
					&& carries.chance(0.5);
			if (takenLate || carried) {
				loggedBy = manager;
			}
			else if (joins) {
				joint = manager;
			}
			UUID contact = group.isEmpty() ? random.pick(start.account().contacts()) : random.pick(group);
			activity(type, at, start.dealId(), start.account(), contact, owner, loggedBy, joint);
			lastActivity = lastActivity == null || at.isAfter(lastActivity) ? at : lastActivity;
		}

		/** A rep pushes a close date that has passed, unless they are sloppy with their records. */
		private void keepCloseDateCurrent(Instant until) {
			LocalDate day = LocalDate.ofInstant(until, zone);
			for (int pushes = 0; expectedClose.isBefore(day) && pushes < 4; pushes++) {
				if (random.chance(seller.style().sloppiness())) {
					return;
				}
				Instant when = later(expectedClose.atStartOfDay(zone).toInstant(), random.between(0, 4));
				if (when.isAfter(until)) {
					return;
				}
				LocalDate pushed = expectedClose.plusDays(random.between(14, 40));
				fieldChanges.add(new FieldChangeRow(start.dealId(), "closeDate", expectedClose.toString(), pushed.toString(), when,
						ownerAt(when)));
				expectedClose = pushed;
				lastChange = when;
			}
		}

		private void close(Instant at, ForecastCategory closedCategory) {
			LocalDate closedOn = LocalDate.ofInstant(at, zone);
			if (!closedOn.equals(expectedClose)) {
				fieldChanges.add(new FieldChangeRow(start.dealId(), "closeDate", expectedClose.toString(), closedOn.toString(), at,
						ownerAt(at)));
				expectedClose = closedOn;
			}
			if (category != closedCategory) {
				changeCategory(closedCategory, at);
			}
			lastChange = at;
		}

		private void finish(DealStatus status, Stage current, Instant entered, @Nullable Instant closedAt,
				@Nullable String lostReason) {
			boolean stillOpen = status == DealStatus.OPEN;
			UUID owner = seller.id();
			if (handover.isBefore(now) && (stillOpen ? true : closedAt.isAfter(handover))) {
				owner = heirs.get(seller.id());
				fieldChanges.add(new FieldChangeRow(start.dealId(), "owner", seller.id().toString(), owner.toString(), handover,
						crew.managerOn(today)));
			}
			String nextStep = null;
			LocalDate nextStepDate = null;
			Instant reviewed = null;
			if (stillOpen) {
				double sloppiness = seller.style().sloppiness();
				if (!random.chance(sloppiness * 0.7)) {
					nextStep = random.pick(DemoNames.NEXT_STEPS);
					nextStepDate = today.plusDays(random.chance(sloppiness) ? -random.between(1, 10) : random.between(0, 12));
					Instant due = nextStepDate.atTime(10, 0).atZone(zone).toInstant();
					activities.add(new ActivityRow(random.idAt(min(due, now)), ActivityType.TASK, Channel.OTHER, Direction.OUTBOUND,
							nextStep, null, null, null, null, due, false, start.dealId(), start.account().id(), owner, owner, false,
							List.of(), List.of(), min(due, now).minusSeconds(86_400)));
				}
				// Managers review every deal about every two weeks; a newly promoted one is still finding her rhythm,
				// and deals of a rep who keeps sloppy records slip through more often.
				long reviewedDaysAgo = random.between(0, crew.managerFrom() != null ? 23 : 16)
						+ (random.chance(sloppiness) ? random.between(5, 20) : 0);
				reviewed = min(now, today.minusDays(reviewedDaysAgo).atTime(11, 0).atZone(zone).toInstant());
			}
			deals.add(new DealRow(start.dealId(), start.account().id(), owner, names.dealTitle(), amount, expectedClose, pipelineId, current.id(), status, category, overridden,
					nextStep, nextStepDate, start.source(), lostReason, null, closedAt, entered.isAfter(now) ? now : closedAt != null
							? closedAt : entered, lastActivity, reviewed, start.at(), lastChange));
		}

		private UUID ownerAt(Instant at) {
			return at.isBefore(handover) ? seller.id() : heirs.get(seller.id());
		}

		/** In the three months before this one, or this one, of a decline. */
		private boolean slidAway(Instant at) {
			return declining(at) && !LocalDate.ofInstant(at, zone).isBefore(today.withDayOfMonth(1).minusMonths(3));
		}

		private boolean declining(Instant at) {
			LocalDate from = seller.style().declineFrom();
			return from != null && !LocalDate.ofInstant(at, zone).isBefore(from);
		}
	}
}
