package dev.tandem.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.coaching.help.HelpCategory;

import dev.tandem.coaching.help.HelpRequestLoad;
import dev.tandem.coaching.help.HelpRequestLoad.AnswerRow;
import dev.tandem.coaching.help.HelpRequestLoad.Row;
import dev.tandem.coaching.help.HelpUrgency;
import dev.tandem.crm.BulkLoad;
import dev.tandem.crm.BulkLoadRows.DealRow;
import dev.tandem.crm.DealStatus;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.playbook.PlaybookManagement;
import dev.tandem.playbook.Stage;
import org.springframework.stereotype.Component;
import org.jspecify.annotations.Nullable;

/**
 * The help requests of the demo: in Brigitte's team hands go up and she answers with questions back, so most are
 * resolved by the reps themselves; Liam's latest is answered and not yet resolved; Sanne has one open on a deal in
 * Proposal, raised a few hours ago. In Mark's team Thomas asked about a pricing question and Mark took the deal over,
 * which is recorded with his reason.
 */
@Component
class DemoHelpRequests {

	private static final long SEED = 20261115L;

	private final HelpRequestLoad load;
	private final PlaybookManagement playbook;
	private final OrganisationManagement organisations;
	private final Clock clock;

	DemoHelpRequests(HelpRequestLoad load, PlaybookManagement playbook, OrganisationManagement organisations, Clock clock) {
		this.load = load;
		this.playbook = playbook;
		this.organisations = organisations;
		this.clock = clock;
	}

	/** Writes the story for the demo's sellers and their managers Brigitte and Mark. */
	void tell(CurrentUser admin, BulkLoad.Batch history, List<DemoCast.Seller> sellers, UUID brigitte, UUID mark) {
		Map<String, UUID> people = new HashMap<>();
		sellers.forEach(s -> people.put(s.name().split(" ")[0].toLowerCase(Locale.ROOT), s.id()));
		people.put("brigitte", brigitte);
		people.put("mark", mark);
		UUID proposal = playbook.pipelines(admin.orgId()).stream().flatMap(p -> p.openStages().stream())
			.filter(s -> s.name().equals("Proposal") || s.name().equals("Offerte")).map(Stage::id).findFirst().orElse(null);
		Story story = new Story(organisations.get(admin.orgId()).timeZone(), clock.instant(), history, proposal);
		load.load(admin.orgId(), story.play(people));
	}

	/** The requests as they went, on the deals of the history. */
	private static final class Story {

		private final DemoRandom random;
		private final ZoneId zone;
		private final Instant now;
		private final List<DealRow> deals;
		private final @Nullable UUID proposalStage;
		private final List<Row> rows = new ArrayList<>();

		Story(ZoneId zone, Instant now, BulkLoad.Batch history, @Nullable UUID proposalStage) {
			this.random = new DemoRandom(SEED);
			this.zone = zone;
			this.now = now;
			this.deals = history.deals();
			this.proposalStage = proposalStage;
		}

		/** Plays the story for the people by first name ({@code sanne}, {@code brigitte}, ...). */
		List<Row> play(Map<String, UUID> people) {
			UUID brigitte = people.get("brigitte");
			resolved(people.get("daan"), brigitte, 41, HelpCategory.STAKEHOLDER,
					"The IT manager keeps postponing our demo. How do I get past him to the person who decides?",
					"Who else feels the pain we solve? Ask him who signs off the budget and offer to prepare that meeting together.",
					"Asked the IT manager who owns the budget; he introduced me to the CFO and we have the demo planned with both.");
			resolved(people.get("emma"), brigitte, 27, HelpCategory.PRICING,
					"The customer asks for 20% discount before they have seen the proposal. What do I say?",
					"What would they give in return? Think of a longer term or a reference case before you talk about price.",
					"Offered 5% for a two-year term and a case study; they accepted in the proposal meeting.");
			resolved(people.get("julia"), brigitte, 16, HelpCategory.COMPETITION,
					"A competitor offers a free pilot. Should we match it?",
					"What do they lose in a free pilot? Ask what success looks like for them and propose a paid pilot with clear criteria.",
					"Proposed a paid pilot of six weeks with three success criteria; they chose us over the free one.");
			resolved(people.get("sanne"), brigitte, 9, HelpCategory.PROCESS,
					"Legal wants their own contract template. Who on our side reviews it?",
					"Operations has a checklist for customer templates: ask Ahmed, and tell the customer when to expect it.",
					"Ahmed reviewed it in two days; the customer signed our addendum.");
			answered(people.get("liam"), brigitte, 3, HelpCategory.STAKEHOLDER,
					"My champion left the company. The deal has gone quiet. What now?",
					"Who else was in the meetings? Which of them had most to win? Let's look at the buying group in our 1:1.");
			open(people.get("sanne"), HelpCategory.PRICING, HelpUrgency.HIGH,
					"They want to split the licence over two budgets. Can we invoice in two parts without changing the proposal?");
			takenOver(people.get("thomas"), people.get("mark"), 12, HelpCategory.PRICING,
					"Their procurement wants a framework agreement with price caps for three years. How far can I go?",
					"I know their procurement director from an earlier deal; I will negotiate the framework myself.");
			return List.copyOf(rows);
		}

		private void resolved(UUID rep, UUID manager, int daysAgo, HelpCategory category, String question, String answer, String resolution) {
			Instant asked = workday(daysAgo, 10);
			Instant answeredAt = asked.plus(Duration.ofMinutes(random.between(45, 400)));
			Instant resolvedAt = answeredAt.plus(Duration.ofHours(random.between(20, 70)));
			add(rep, category, HelpUrgency.NORMAL, question, asked,
					List.of(new AnswerRow(random.idAt(answeredAt), manager, answer, answeredAt)), resolution, resolvedAt, null, null, null);
		}

		private void answered(UUID rep, UUID manager, int daysAgo, HelpCategory category, String question, String answer) {
			Instant asked = workday(daysAgo, 9);
			Instant answeredAt = asked.plus(Duration.ofMinutes(random.between(60, 240)));
			add(rep, category, HelpUrgency.NORMAL, question, asked, List.of(new AnswerRow(random.idAt(answeredAt), manager, answer, answeredAt)),
					null, null, null, null, null);
		}

		private void open(UUID rep, HelpCategory category, HelpUrgency urgency, String question) {
			add(rep, category, urgency, question, now.minus(Duration.ofHours(3)), List.of(), null, null, null, null, null);
		}

		private void takenOver(UUID rep, UUID manager, int daysAgo, HelpCategory category, String question, String reason) {
			Instant asked = workday(daysAgo, 11);
			Instant at = asked.plus(Duration.ofMinutes(random.between(20, 90)));
			add(rep, category, HelpUrgency.HIGH, question, asked, List.of(), null, null, manager, reason, at);
		}

		private void add(UUID rep, HelpCategory category, HelpUrgency urgency, String question, Instant asked, List<AnswerRow> answers,
				@Nullable String resolution, @Nullable Instant resolvedAt, @Nullable UUID takenOverBy, @Nullable String reason,
				@Nullable Instant takenOverAt) {
			DealRow deal = dealOf(rep, asked, resolution == null && takenOverBy == null);
			if (deal == null) {
				return;
			}
			rows.add(new Row(random.idAt(asked), rep, deal.id(), null, question, category, urgency, asked, answers, resolution, resolvedAt,
					takenOverBy, reason, takenOverAt));
		}

		/** An open deal of the rep that existed then; for a request still open, one in Proposal when there is one. */
		private @Nullable DealRow dealOf(UUID rep, Instant asked, boolean preferProposal) {
			List<DealRow> candidates = deals.stream()
				.filter(d -> d.ownerId().equals(rep) && d.status() == DealStatus.OPEN && d.createdAt().isBefore(asked))
				.sorted(Comparator.comparing(DealRow::createdAt).thenComparing(DealRow::id))
				.toList();
			if (candidates.isEmpty()) {
				return null;
			}
			if (preferProposal && proposalStage != null) {
				for (DealRow d : candidates) {
					if (d.stageId().equals(proposalStage)) {
						return d;
					}
				}
			}
			return random.pick(candidates);
		}

		/** A working day about {@code daysAgo} days back, at the hour in the organisation's zone. */
		private Instant workday(int daysAgo, int hour) {
			LocalDate day = LocalDate.ofInstant(now, zone).minusDays(daysAgo);
			while (day.getDayOfWeek().getValue() > 5) {
				day = day.minusDays(1);
			}
			return day.atTime(hour, random.between(0, 59)).atZone(zone).toInstant();
		}
	}
}
