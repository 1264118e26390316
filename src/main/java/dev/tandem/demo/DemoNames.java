package dev.tandem.demo;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Names, titles and phrases the demo history is written with: Dutch and Flemish companies and people,
 * and what reps typically write in a CRM.
 */
final class DemoNames {

	static final List<String> COMPANY_WORDS = List.of("Noorderlicht", "Polderman", "Zeeland", "Hanze", "Brugge", "Kade", "Duinzicht",
			"Delta", "Molenaar", "IJssel", "Rijnmond", "Maasland", "Schelde", "Kempen", "Veluwe", "Horizon", "Vector", "Nova",
			"Kern", "Stroomlijn", "Lindeboom", "Eikenhof", "Vlasman", "Groenveld", "Havenzicht", "Dijkstra", "Bakker & Zn",
			"Vermeer", "Oranje", "Tulp", "Wadden", "Biesbosch", "Zonneveld", "Brabant", "Limburg", "Gelre", "Utrecht", "Amstel",
			"Spaarne", "Vecht", "Lek", "Dommel", "Dender", "Leie", "Ardenne", "Zwin", "Kustlijn", "Blauwe Reiger", "Valk",
			"Meeuw", "Windkracht", "Zilverberk", "Kroon", "Baken", "Vuurtoren", "Sluis", "Brug", "Toren", "Klaver", "Hoeve");

	static final List<String> COMPANY_KINDS = List.of("Logistiek", "Techniek", "Zorggroep", "Bouw", "Installaties", "Software",
			"Retail", "Foods", "Media", "Advies", "Energie", "Transport", "Groep", "Metaal", "Print", "Solutions", "Vastgoed",
			"Onderwijs", "Machinebouw", "Kunststoffen");

	static final List<String> SECTORS = List.of("Logistics", "Manufacturing", "Healthcare", "Retail", "Construction", "Software",
			"Energy", "Food", "Professional services", "Education");

	static final List<String> FIRST_NAMES = List.of("Jan", "Pieter", "Kees", "Willem", "Joost", "Bart", "Tom", "Koen", "Wouter",
			"Jeroen", "Stijn", "Maarten", "Ruud", "Hans", "Erik", "Annelies", "Marieke", "Sofie", "Lieke", "Femke", "Anke",
			"Inge", "Karin", "Els", "Hanneke", "Charlotte", "Mirjam", "Nathalie", "Evelien", "Linda", "Yusuf", "Mehmet",
			"Samira", "Fatma", "Rachid", "Priya", "Chen", "Olga", "Tomasz", "Giulia");

	static final List<String> LAST_NAMES = List.of("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen",
			"Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen",
			"Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "Claes", "Maes", "Wouters",
			"Goossens", "Willems", "Peeters", "Lambrechts", "Aydin", "El Idrissi", "Kaya", "Nowak", "Rossi", "Wang");

	static final List<String> TITLES = List.of("CEO", "CFO", "COO", "Head of Operations", "IT Manager", "Procurement Manager",
			"Sales Director", "Office Manager", "HR Director", "Finance Manager", "Project Manager", "Facility Manager");

	static final List<String> CAMPAIGNS = List.of("Webinar: selling without guesswork", "E-book: the modern sales team",
			"Trade fair Jaarbeurs Utrecht", "LinkedIn ads spring", "LinkedIn ads autumn", "Newsletter", "Customer day Antwerp");

	static final List<String> LOST_REASONS = List.of("Price too high", "Chose a competitor", "No budget this year",
			"Went quiet, no decision", "Project postponed", "Missing feature", "Not a fit");

	static final List<String> DISQUALIFIED_REASONS = List.of("No budget", "Too small for us", "Under contract with a competitor",
			"Not a decision maker, no introduction", "Duplicate of an existing lead", "Student or job seeker");

	static final List<String> NEXT_STEPS = List.of("Send the proposal", "Book the demo with their IT lead", "Call the CFO about budget",
			"Follow up on pricing questions", "Plan a stakeholder meeting", "Confirm the decision date", "Send the case study",
			"Agree on the pilot scope", "Introduce our implementation lead", "Get the contract to legal");

	static final List<String> DEAL_KINDS = List.of("Platform subscription", "Renewal upgrade", "Team licences",
			"Integration project", "New site", "Training package", "Multi-year agreement");

	static final List<String> REGIONS = List.of("Noord", "Zuid", "Oost", "West", "Holland", "Vlaanderen", "Benelux");

	static final List<String> REGIONS_LONG = List.of("the Antwerp site", "Rotterdam", "the second warehouse", "all branches",
			"the finance team", "the Belgian entity", "customer service");

	private final DemoRandom random;
	private final Set<String> companies = new HashSet<>();

	DemoNames(DemoRandom random) {
		this.random = random;
	}

	/** A company name not used before in this organisation. */
	String company() {
		for (int attempt = 0; ; attempt++) {
			String name = switch (random.between(0, 3)) {
				case 0 -> random.pick(LAST_NAMES).replaceFirst("^(de|van den|van der|van) ", "") + " " + random.pick(COMPANY_KINDS);
				case 1 -> random.pick(COMPANY_WORDS) + " " + random.pick(COMPANY_KINDS) + " " + random.pick(REGIONS);
				default -> random.pick(COMPANY_WORDS) + " " + random.pick(COMPANY_KINDS);
			};
			if (attempt > 50) {
				name = name + " " + attempt;
			}
			if (companies.add(name)) {
				return name;
			}
		}
	}

	/** What a deal is about, e.g. "Pilot, 3 months" or "40 team licences". */
	String dealTitle() {
		return switch (random.between(0, 5)) {
			case 0 -> random.between(2, 40) * 5 + " licences";
			case 1 -> "Rollout phase " + random.between(1, 3);
			case 2 -> "Pilot, " + random.between(2, 6) + " months";
			case 3 -> "Annual contract";
			case 4 -> "Expansion to " + random.pick(REGIONS_LONG);
			default -> random.pick(DEAL_KINDS);
		};
	}

	String person() {
		return random.pick(FIRST_NAMES) + " " + random.pick(LAST_NAMES);
	}

	static String website(String company, boolean belgian) {
		return "https://www." + slug(company) + (belgian ? ".be" : ".nl");
	}

	static String email(String person, String company) {
		String[] parts = person.split(" ", 2);
		return slug(parts[0]) + "." + slug(parts[1]).replace("-", "") + "@" + slug(company) + ".example";
	}

	static String slug(String text) {
		String ascii = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return ascii.toLowerCase(Locale.ROOT).replace("&", "en").replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
	}

	String phone(boolean belgian) {
		return belgian ? "+32 47" + random.between(0, 9) + " " + random.between(10, 99) + " " + random.between(10, 99) + " "
				+ random.between(10, 99) : "+31 6 " + random.between(1000, 9999) + " " + random.between(1000, 9999);
	}
}
