package dev.tandem.exchange;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The words other CRMs and spreadsheets use for Tandem's fixed values (activity types, sources, lead
 * and deal statuses, roles, stage kinds), in English and Dutch. A value it does not know is listed for
 * the user to map; nothing is guessed beyond these words.
 */
final class Vocabulary {

	static final List<String> CATEGORIES = List.of("stage", "owner", "type", "source", "leadStatus", "status", "role", "sector");

	private static final Map<String, Map<String, String>> WORDS = Map.of(
			"type", words("CALL", "call, phone call, phone, calls, gesprek, telefoon, bellen, logged call",
					"EMAIL", "email, e-mail, mail, emails, sent email",
					"MEETING", "meeting, event, visit, afspraak, bezoek, vergadering, lunch",
					"DEMO", "demo, demonstration, demonstratie, presentation",
					"PROPOSAL", "proposal, quote, offerte, voorstel",
					"SOCIAL", "social, linkedin, linkedin message, twitter, whatsapp",
					"NOTE", "note, notitie, comment",
					"TASK", "task, to-do, todo, taak, deadline"),
			"source", words("INBOUND", "inbound, web, website, web form, inbound lead, organic search, direct traffic",
					"OUTBOUND", "outbound, cold call, cold calling, prospecting, outbound prospecting",
					"MARKETING_CAMPAIGN", "marketing, marketing campaign, campaign, campagne, paid search, paid social, email marketing, trade show",
					"PARTNER", "partner, channel partner, reseller",
					"REFERRAL", "referral, word of mouth, doorverwijzing, aanbeveling, employee referral, external referral"),
			"leadStatus", words("NEW", "new, open, nieuw, open - not contacted",
					"CONTACTED", "contacted, attempted to contact, working, working - contacted, in progress, connected, benaderd",
					"QUALIFIED", "qualified, closed - converted to opportunity, open deal, gekwalificeerd",
					"DISQUALIFIED", "disqualified, unqualified, bad timing, closed - not converted, gediskwalificeerd",
					"CONVERTED", "converted, omgezet"),
			"status", words("OPEN", "open, active, lopend", "WON", "won, closed won, gewonnen", "LOST", "lost, closed lost, verloren"),
			"role", words("ADMIN", "admin, administrator, system administrator, beheerder",
					"EXECUTIVE", "executive, vp, vp sales, head of sales, director, sales director, salesdirecteur",
					"MANAGER", "manager, sales manager, team lead, team leader, teamleider",
					"REP", "rep, sales rep, account executive, sdr, bdr, user, standard user, verkoper, accountmanager",
					"PARTNER", "partner, marketing, operations, customer service, enablement"),
			"stageKind", words("WON", "won, closed won, closedwon, gewonnen, deal won", "LOST", "lost, closed lost, closedlost, verloren, deal lost"));

	private Vocabulary() {
	}

	/** The Tandem value (an enum name) that a source word means in a category, or {@code null}. */
	static @Nullable String lookup(String category, String source) {
		String key = normal(source);
		Map<String, String> words = WORDS.get(category);
		if (words == null) {
			return null;
		}
		String hit = words.get(key);
		if (hit == null && words.containsValue(key.toUpperCase(Locale.ROOT).replace(' ', '_'))) {
			hit = key.toUpperCase(Locale.ROOT).replace(' ', '_');
		}
		return hit;
	}

	static String normal(String value) {
		return value.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
	}

	private static Map<String, String> words(String... pairs) {
		Map<String, String> map = new java.util.HashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			for (String word : pairs[i + 1].split(",")) {
				map.put(word.trim(), pairs[i]);
			}
		}
		return Map.copyOf(map);
	}
}
