package dev.tandem.playbook;

import java.util.List;
import java.util.UUID;

import dev.tandem.playbook.persistence.Pipelines;
import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;

/**
 * The pipeline every organisation starts with: an activity-based B2B process from first contact
 * through the buying group (DMU), demo and proposal to a decision, in the organisation's language. Its budget owner is
 * known when the buying group has an economic buyer, not when someone ticks a box.
 */
final class DefaultPipeline {

	private DefaultPipeline() {
	}

	static void create(Pipelines pipelines, UUID orgId, String locale) {
		boolean nl = "nl".equals(locale);
		UUID pipelineId = Ids.next();
		pipelines.insertPipeline(orgId, pipelineId, nl ? "Nieuwe klanten" : "New business", true, 21, "Tandem");
		int position = 0;
		for (Definition d : definitions(nl)) {
			position++;
			List<ExitCriterion> criteria = d.criteria().stream().map(c -> new ExitCriterion(Ids.next(), c.label(), c.role())).toList();
			pipelines.insertStage(orgId, new Stage(Ids.next(), pipelineId, d.name(), position, d.kind(), d.probability(),
					d.category(), d.gate(), d.guidance(), d.minStakeholders(), d.minStakeholders() > 0, d.required(), criteria, 0),
					"Tandem");
		}
	}

	private static List<Definition> definitions(boolean nl) {
		return List.of(
				new Definition(nl ? "Nieuwe lead" : "New lead", StageKind.OPEN, 5, ForecastCategory.PIPELINE, GateMode.WARN, 0,
						List.of(), List.of(),
						nl ? "Zoek het bedrijf op: sector, omvang, recent nieuws. Wie is de juiste eerste contactpersoon?"
								: "Research the company: sector, size, recent news. Who is the right first contact?"),
				new Definition(nl ? "Contact gelegd" : "Contact made", StageKind.OPEN, 10, ForecastCategory.PIPELINE, GateMode.WARN, 0,
						List.of(new RequiredActivity(ActivityType.EMAIL, 1)), List.of(),
						nl ? "Eerste contact via e-mail, telefoon of social. **Doel:** een afspraak voor een behoefteanalyse."
								: "First touch by e-mail, phone or social. **Goal:** a meeting for a needs analysis."),
				new Definition(nl ? "Behoefteanalyse" : "Needs analysis", StageKind.OPEN, 20, ForecastCategory.PIPELINE, GateMode.WARN, 0,
						List.of(new RequiredActivity(ActivityType.MEETING, 1)),
						List.of(ticked(nl ? "Probleem en impact begrepen" : "Pain and impact understood")),
						nl ? "Vraag door: wat kost het probleem nu, wie merkt het, wat gebeurt er als niets verandert?"
								: "Ask: what does the problem cost today, who feels it, what happens if nothing changes?"),
				new Definition(nl ? "DMU in kaart" : "Buying group mapped", StageKind.OPEN, 30, ForecastCategory.PIPELINE, GateMode.BLOCK, 2,
						List.of(), List.of(new Criterion(nl ? "Budgethouder bekend" : "Budget owner known", BuyingRole.ECONOMIC_BUYER)),
						nl ? "Breng de Decision Making Unit in kaart: beslisser, budgethouder, beïnvloeders, gebruikers, poortwachters. "
								+ "Minstens twee betrokkenen, onder wie de beslisser."
								: "Map the Decision Making Unit: decision maker, economic buyer, influencers, users, gatekeepers. "
										+ "At least two stakeholders, one of them the decision maker."),
				new Definition("Demo", StageKind.OPEN, 45, ForecastCategory.PIPELINE, GateMode.BLOCK, 0,
						List.of(new RequiredActivity(ActivityType.CALL, 1)), List.of(),
						nl ? "Een **discovery call** met de beslisser vooraf, zodat de demo hun probleem laat zien, niet onze features."
								: "A **discovery call** with the decision maker first, so the demo shows their problem, not our features."),
				new Definition(nl ? "Offerte" : "Proposal", StageKind.OPEN, 60, ForecastCategory.BEST_CASE, GateMode.BLOCK, 0,
						List.of(new RequiredActivity(ActivityType.DEMO, 1)),
						List.of(ticked(nl ? "Budget bevestigd" : "Budget confirmed"), ticked(nl ? "Beslisproces bekend" : "Decision process known")),
						nl ? "Stel een samenwerkingsvoorstel op met de klant, niet alleen een prijs. Bespreek het, stuur het niet alleen."
								: "Write a collaboration proposal with the customer, not just a price. Walk them through it; don't just send it."),
				new Definition(nl ? "Onderhandeling" : "Negotiation", StageKind.OPEN, 80, ForecastCategory.COMMIT, GateMode.WARN, 0,
						List.of(new RequiredActivity(ActivityType.PROPOSAL, 1)),
						List.of(ticked(nl ? "Voorstel besproken met de beslisser" : "Proposal reviewed with the decision maker")),
						nl ? "Ruil, geef niet weg: elke concessie tegen iets terug (looptijd, referentie, startdatum)."
								: "Trade, don't give: every concession for something back (term, reference, start date)."),
				new Definition(nl ? "Gewonnen" : "Won", StageKind.WON, 100, ForecastCategory.CLOSED, GateMode.WARN, 0,
						List.of(), List.of(), nl ? "Bedank, plan de overdracht en vraag om een referentie." : "Say thanks, plan the handover, ask for a reference."),
				new Definition(nl ? "Verloren" : "Lost", StageKind.LOST, 0, ForecastCategory.OMITTED, GateMode.WARN, 0,
						List.of(), List.of(), nl ? "Leg de echte reden vast; daar leert het team van." : "Record the real reason; the team learns from it."));
	}

	private static Criterion ticked(String label) {
		return new Criterion(label, null);
	}

	private record Definition(String name, StageKind kind, int probability, ForecastCategory category, GateMode gate,
			int minStakeholders, List<RequiredActivity> required, List<Criterion> criteria, String guidance) {
	}

	/** An exit criterion the rep ticks, or that the buying group satisfies when someone holds {@code role}. */
	private record Criterion(String label, @Nullable BuyingRole role) {
	}
}
