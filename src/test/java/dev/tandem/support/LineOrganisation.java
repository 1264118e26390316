package dev.tandem.support;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewTeam;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.TeamKind;
import dev.tandem.people.TeamManagement;
import dev.tandem.people.UserManagement;
import tools.jackson.databind.JsonNode;

/**
 * An organisation of a test's own with a line hierarchy, and deals, wins, losses and activities of everyone in it,
 * written through the API:
 * <pre>
 * Sales (head, head of sales)
 * ├── Team A (ma): a1, a2
 * └── Team B (mb): b1, b2
 * Elsewhere (no leader): x
 * </pre>
 * Everyone but the admin owns an account with two open deals, one won and one lost today, and has logged calls; on
 * a shared account of a1's, a1, a2, b1, x and ma each have an open deal with an e-mail on it too, so the account
 * shows colleagues' work side by side. Amounts differ per person, so a sum that counts someone it should not is off. Everyone signs in with
 * {@link #PASSWORD}.
 */
public final class LineOrganisation {

	public static final String PASSWORD = "line-passw0rd-11";

	/** Everyone who owns records, in order; the admin owns none. */
	public static final List<String> OWNERS = List.of("head", "ma", "a1", "a2", "mb", "b1", "b2", "x");

	/** Everyone, the admin first. */
	public static final List<String> VIEWERS = List.of("admin", "head", "ma", "a1", "a2", "mb", "b1", "b2", "x");

	private final int port;
	private final String domain;
	private final UUID orgId;
	private final Map<String, UUID> people = new LinkedHashMap<>();
	private final Map<String, UUID> teams = new LinkedHashMap<>();
	private final Map<String, ApiClient> clients = new LinkedHashMap<>();
	private final Map<String, String> stages = new LinkedHashMap<>();
	private UUID sharedAccount;

	private LineOrganisation(int port, String domain, UUID orgId) {
		this.port = port;
		this.domain = domain;
		this.orgId = orgId;
	}

	/** Opens the organisation, builds its hierarchy and fills it through the API. */
	public static LineOrganisation open(OrganisationManagement organisations, UserManagement users, TeamManagement teamManagement,
			int port, Clock clock) {
		String domain = "line-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		CurrentUser admin = organisations.open(new NewOrganisation("Line " + domain, "Europe/Amsterdam", "EUR", "en", 1),
				"admin@" + domain, "Admin", PASSWORD);
		LineOrganisation org = new LineOrganisation(port, domain, admin.orgId());
		org.people.put("admin", admin.id());
		for (String name : OWNERS) {
			Role role = switch (name) {
				case "head" -> Role.EXECUTIVE;
				case "ma", "mb" -> Role.MANAGER;
				default -> Role.REP;
			};
			org.people.put(name, users.create(admin, new NewUser(org.email(name), "Person " + name, role, "en", PASSWORD, List.of()))
				.user().id());
		}
		UUID sales = teamManagement.create(admin, new NewTeam("Sales", TeamKind.SALES, null, org.id("head"))).id();
		UUID teamA = teamManagement.create(admin, new NewTeam("Team A", TeamKind.SALES, sales, org.id("ma"))).id();
		UUID teamB = teamManagement.create(admin, new NewTeam("Team B", TeamKind.SALES, sales, org.id("mb"))).id();
		UUID elsewhere = teamManagement.create(admin, new NewTeam("Elsewhere", TeamKind.SALES, null, null)).id();
		org.teams.putAll(Map.of("Sales", sales, "Team A", teamA, "Team B", teamB, "Elsewhere", elsewhere));
		LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Europe/Amsterdam")));
		Map.of("a1", teamA, "a2", teamA, "b1", teamB, "b2", teamB, "x", elsewhere)
			.forEach((name, team) -> teamManagement.addMember(admin, team, org.id(name), today.minusYears(1)));
		org.fill(today);
		return org;
	}

	public UUID orgId() {
		return orgId;
	}

	public String email(String name) {
		return name + "@" + domain;
	}

	public UUID id(String name) {
		return people.get(name);
	}

	/** The name of a person by id. */
	public String name(UUID id) {
		return people.entrySet().stream().filter(e -> e.getValue().equals(id)).map(Map.Entry::getKey).findFirst().orElseThrow();
	}

	public UUID team(String name) {
		return teams.get(name);
	}

	/** The account of a1's on which a1, a2, b1, x and ma each have an open deal. */
	public UUID sharedAccount() {
		return sharedAccount;
	}

	/** The id of a stage of the default pipeline by its English name. */
	public String stage(String name) {
		return stages.get(name);
	}

	/** An API client of one person, signed in once and kept. */
	public ApiClient api(String name) {
		return clients.computeIfAbsent(name, n -> ApiClient.as(port, email(n), PASSWORD));
	}

	public WebSession web(String name) {
		return WebSession.signedIn(port, email(name), PASSWORD);
	}

	private void fill(LocalDate today) {
		ApiClient admin = api("admin");
		JsonNode pipelines = admin.get("/api/v1/pipelines").json();
		for (JsonNode stage : (pipelines.has("items") ? pipelines.get("items") : pipelines).get(0).get("stages")) {
			stages.put(stage.get("name").asString(), stage.get("id").asString());
		}
		sharedAccount = account(admin, "Shared account", "a1");
		int index = 1;
		for (String owner : OWNERS) {
			String account = account(admin, "Account of " + owner, owner).toString();
			String open = deal(admin, account, owner, "open one", index * 1000 + 10, today.plusDays(2));
			deal(admin, account, owner, "open two", index * 1000 + 20, today.plusDays(3));
			String won = deal(admin, account, owner, "won", index * 1000 + 500, today);
			move(admin, won, "Won", null);
			String lost = deal(admin, account, owner, "lost", index * 1000 + 700, today);
			move(admin, lost, "Lost", "Price");
			for (int call = 0; call <= index % 3; call++) {
				created(admin.post("/api/v1/activities", "{\"type\":\"CALL\",\"subject\":\"Call " + call + " of " + owner
						+ "\",\"dealId\":\"" + open + "\"}"));
			}
			index++;
		}
		int shared = 1;
		for (String owner : List.of("a1", "a2", "b1", "x", "ma")) {
			String deal = deal(admin, sharedAccount.toString(), owner, "shared", shared++, today.plusDays(5));
			created(admin.post("/api/v1/activities", "{\"type\":\"EMAIL\",\"subject\":\"Shared mail of " + owner
					+ "\",\"dealId\":\"" + deal + "\"}"));
		}
	}

	private UUID account(ApiClient admin, String name, String owner) {
		return UUID.fromString(created(admin.post("/api/v1/accounts",
				"{\"name\":\"" + name + " " + domain + "\",\"ownerId\":\"" + id(owner) + "\"}")).get("id").asString());
	}

	private String deal(ApiClient admin, String account, String owner, String title, int amount, LocalDate closeDate) {
		return created(admin.post("/api/v1/deals", "{\"accountId\":\"" + account + "\",\"title\":\"" + owner + " " + title
				+ "\",\"amount\":" + new BigDecimal(amount) + ",\"closeDate\":\"" + closeDate + "\",\"stageId\":\""
				+ stage("Negotiation") + "\",\"ownerId\":\"" + id(owner) + "\"}")).get("id").asString();
	}

	private void move(ApiClient admin, String deal, String stage, String lostReason) {
		ApiClient.Response moved = admin.post("/api/v1/deals/" + deal + "/stage", "{\"stageId\":\"" + stage(stage)
				+ "\",\"version\":0" + (lostReason == null ? "" : ",\"lostReason\":\"" + lostReason + "\"") + "}");
		if (moved.status() != 200) {
			throw new IllegalStateException("Move to " + stage + " refused: " + moved.status() + " " + moved.body());
		}
	}

	private static JsonNode created(ApiClient.Response response) {
		if (response.status() != 201) {
			throw new IllegalStateException("Not created: " + response.status() + " " + response.body());
		}
		return response.json();
	}
}
