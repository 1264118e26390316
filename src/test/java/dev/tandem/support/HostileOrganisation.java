package dev.tandem.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * An organisation of a test's own in which every text field of every object the API creates or changes holds
 * {@link HostileText}: driven by the request-body schemas of the OpenAPI document, so a text field added to the API
 * is filled without a change here. Objects are created in the order their references need (an account before its
 * deals), then every operation on them that takes text is called once (a stage's guidance, a lost reason, an
 * outcome). A multipart upload gets a CSV named with markup and holding it. A field whose value the API refuses is
 * left out on the next try, or given plain text when it is required, so one strict field (a size band, one of two
 * exclusive references) does not keep the others of the object from being stored.
 * <p>
 * The organisation has its admin and, created through the API like everything else, a rep; both sign in with
 * {@link #PASSWORD}.
 */
public final class HostileOrganisation {

	public static final String PASSWORD = "hostile-passw0rd-17";

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final Pattern PARAM = Pattern.compile("\\{([^}]+)}");
	/**
	 * Calls of the installation rather than of an organisation, which an organisation's admin cannot make: the setup
	 * exists only while an installation has no organisation, the operator's only with {@code tandem.organisations.allow-more}
	 * (their text is a new organisation's name and admin, which {@code SetupTests} and {@code OperatorTests} check).
	 */
	private static final Set<String> INSTALLATION = Set.of("/api/v1/setup", "/api/v1/operator/organisations");
	private static final Set<String> FORMATTED = Set.of("email", "password", "period", "locale", "language", "currency", "timeZone");

	private final int port;
	private final Clock clock;
	private final String domain;
	private final ApiClient admin;
	private final JsonNode document;
	private final Map<String, List<String>> ids = new LinkedHashMap<>();
	private final Map<Integer, String> tags = new LinkedHashMap<>();
	private final List<Call> calls = new ArrayList<>();
	private String repEmail;
	private String colleague;
	private int nextTag = 1;
	private int nextEmail = 1;

	private HostileOrganisation(int port, Clock clock, String domain, ApiClient admin) {
		this.port = port;
		this.clock = clock;
		this.domain = domain;
		this.admin = admin;
		this.document = ApiClient.anonymous(port).get("/v3/api-docs").json();
	}

	/** Opens the organisation and fills it through every operation of the API that takes text. */
	public static HostileOrganisation open(OrganisationManagement organisations, int port, Clock clock) {
		String domain = "hostile-" + UUID.randomUUID().toString().substring(0, 8) + ".test";
		organisations.open(new NewOrganisation("Hostile " + domain, "Europe/Amsterdam", "EUR", "en", 1), "admin@" + domain,
				"Admin", PASSWORD);
		HostileOrganisation org = new HostileOrganisation(port, clock, domain, ApiClient.as(port, "admin@" + domain, PASSWORD));
		org.fill();
		return org;
	}

	public String adminEmail() {
		return "admin@" + domain;
	}

	/** The rep the API created (with a hostile name); null if the API has no way to create one. */
	public String repEmail() {
		return repEmail;
	}

	public ApiClient api() {
		return admin;
	}

	/** The first id of a kind of object (account, deal, user, team, stage, ...), or null. */
	public String id(String kind) {
		List<String> known = ids.get(kind);
		return known == null || known.isEmpty() ? null : known.get(0);
	}

	public Set<String> kinds() {
		return ids.keySet();
	}

	/** The field a tag was written to, as {@code METHOD path field}. */
	public String field(int tag) {
		return tags.getOrDefault(tag, "?");
	}

	public Map<Integer, String> fields() {
		return Map.copyOf(tags);
	}

	/** Operations whose body the document leaves free-form (an object without properties, a JSON tree), which no schema drives. */
	public List<String> freeForm() {
		return operations().stream().filter(op -> !op.multipart && op.schema != null
				&& (!op.schema.has("properties") || op.schema.path("properties").has("nodeType")))
			.map(op -> op.method.toUpperCase(Locale.ROOT) + " " + op.path).toList();
	}

	/** Every operation that takes text, with how it answered. */
	public List<Call> calls() {
		return List.copyOf(calls);
	}

	/** One operation called: its status, and the body it was answered with when it failed. */
	public record Call(String method, String path, int status, String detail) {

		public boolean succeeded() {
			return status >= 200 && status < 300;
		}
	}

	private void fill() {
		prelude();
		remember(admin.get("/api/v1/pipelines").json());
		List<Operation> creations = new ArrayList<>();
		List<Operation> changes = new ArrayList<>();
		for (Operation op : operations()) {
			if (op.method.equals("post") && PARAM.matcher(op.path).results().count() <= 1 && op.produces() != null) {
				creations.add(op);
			}
			else if (op.takesText()) {
				changes.add(op);
			}
		}
		create(creations);
		remember(admin.get("/api/v1/pipelines").json());
		// Changes first, then actions such as converting a lead, after which it no longer changes.
		changes.stream().filter(op -> !op.method.equals("post")).forEach(this::call);
		changes.stream().filter(op -> op.method.equals("post")).forEach(this::call);
	}

	/**
	 * The organisation's shape before the walk: its admin leads a sales team (the first team the walk knows, so the rep
	 * it creates joins it and the admin manages them, as coaching needs), with a colleague of that rep in it (a mentor,
	 * a rater: someone other than the person the coaching is about). Plain names; the walk writes the hostile ones.
	 */
	private void prelude() {
		String adminId = admin.get("/api/v1/me").json().get("id").asString();
		ApiClient.Response team = admin.post("/api/v1/teams",
				"{\"name\":\"Coached team\",\"kind\":\"SALES\",\"leaderId\":\"" + adminId + "\"}");
		if (team.status() >= 300) {
			throw new IllegalStateException("The walk's team could not be made: " + team.body());
		}
		known("team", team.json().get("id").asString());
		ApiClient.Response peer = admin.post("/api/v1/users", "{\"email\":\"colleague@" + domain + "\",\"displayName\":\"Colleague\","
				+ "\"role\":\"REP\",\"locale\":\"en\",\"password\":\"" + PASSWORD + "\",\"teamIds\":[\"" + id("team") + "\"]}");
		if (peer.status() >= 300) {
			throw new IllegalStateException("The walk's colleague could not be made: " + peer.body());
		}
		colleague = peer.json().get("id").asString();
	}

	/**
	 * Creates in passes: an operation runs once every kind it refers to exists or nothing left would create it; when
	 * no operation can, the first whose required references exist runs without its optional ones.
	 */
	private void create(List<Operation> pending) {
		while (!pending.isEmpty()) {
			Operation next = null;
			for (Operation op : pending) {
				Set<String> waiting = new LinkedHashSet<>(op.refers());
				waiting.removeIf(kind -> ids.containsKey(kind) || pending.stream().noneMatch(other -> other != op && kind.equals(other.produces())));
				if (waiting.isEmpty() && op.pathKindsKnown()) {
					next = op;
					break;
				}
			}
			if (next == null) {
				next = pending.stream().filter(Operation::pathKindsKnown).findFirst().orElse(null);
			}
			if (next == null) {
				pending.forEach(op -> calls.add(new Call(op.method.toUpperCase(Locale.ROOT), op.path, 0, "no id for its path")));
				return;
			}
			pending.remove(next);
			call(next);
		}
	}

	private void call(Operation op) {
		String path = op.concretePath();
		if (path == null) {
			calls.add(new Call(op.method.toUpperCase(Locale.ROOT), op.path, 0, "no id for its path"));
			return;
		}
		ApiClient.Response response;
		if (op.multipart) {
			response = upload(op, path);
		}
		else {
			// A field that refuses what it was given is left out when it may be, else given plain text; the rest keep theirs.
			Set<String> refused = new LinkedHashSet<>();
			response = send(op, path, body(op, path, op.schema, "", refused));
			for (int retry = 0; retry < 3 && response.status() == 400; retry++) {
				List<String> fields = refusedFields(response);
				if (fields.isEmpty() || refused.containsAll(fields)) {
					break;
				}
				refused.addAll(fields);
				response = send(op, path, body(op, path, op.schema, "", refused));
			}
		}
		calls.add(new Call(op.method.toUpperCase(Locale.ROOT), op.path, response.status(), response.status() < 300 ? "" : response.body()));
		if (response.status() < 300 && !response.body().isBlank() && response.contentType().contains("json")) {
			JsonNode answer = response.json();
			if (op.produces() != null && answer.has("id")) {
				known(op.produces(), answer.get("id").asString());
				// A 1:1 series plans its meetings itself; their ids are on the series' meeting list.
				if (op.produces().equals("one-on-one")) {
					JsonNode meetings = admin.get("/api/v1/one-on-ones/" + answer.get("id").asString() + "/meetings").json();
					(meetings.has("items") ? meetings.get("items") : meetings).forEach(m -> known("meeting", m.get("id").asString()));
				}
				if (op.produces().equals("user") && answer.path("role").asString("").equals("REP") && repEmail == null) {
					repEmail = answer.get("email").asString();
				}
			}
			remember(answer);
		}
	}

	private ApiClient.Response send(Operation op, String path, JsonNode body) {
		String json = body == null ? "" : JSON.writeValueAsString(body);
		return switch (op.method) {
			case "post" -> admin.post(path, json);
			case "put" -> admin.put(path, json);
			case "patch" -> admin.patch(path, json);
			default -> throw new IllegalStateException(op.method);
		};
	}

	private ApiClient.Response upload(Operation op, String path) {
		int tag = tag(op, "file name");
		int cell = tag(op, "file content");
		String csv = "Name,Sector,Country\n\"" + HostileText.value(cell, 0).replace("\"", "\"\"") + "\",Retail,NL\n";
		String boundary = "----hostile" + UUID.randomUUID();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + admin.token()).header("Accept-Language", "en")
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.file(boundary, HostileText.fileName(tag),
					csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
			.build();
		try {
			HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
			return new ApiClient.Response(response.statusCode(), response.body(), response.headers().firstValue("Content-Type").orElse(""), null);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> refusedFields(ApiClient.Response response) {
		List<String> fields = new ArrayList<>();
		try {
			response.json().path("errors").forEach(e -> fields.add(e.path("field").asString("")));
		}
		catch (RuntimeException ex) {
			// Not a problem with field errors.
		}
		return fields;
	}

	/** A body for the schema: hostile text in free text, valid values elsewhere; fields {@code refused} once are left out or plain. */
	private JsonNode body(Operation op, String path, JsonNode schema, String prefix, Set<String> refused) {
		if (schema == null) {
			return null;
		}
		schema = resolve(schema);
		ObjectNode body = JSON.createObjectNode();
		Set<String> required = new LinkedHashSet<>();
		schema.path("required").forEach(r -> required.add(r.asString()));
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			String name = property.getKey();
			JsonNode type = resolve(property.getValue());
			String field = prefix + name;
			boolean wasRefused = refused.contains(field) || refused.contains(name);
			// A refused number or date gets one modest second value (a share's 1, a date further out) before it is left out.
			String format = type.path("format").asString("");
			boolean numeric = type.path("type").asString("").equals("number") || type.path("type").asString("").equals("integer");
			if (wasRefused && !refused.contains(field + "#2") && (numeric || format.equals("date")) && !name.equals("version")) {
				refused.add(field + "#2");
				if (numeric) {
					body.put(name, 1);
				}
				else {
					body.put(name, LocalDate.now(clock).plusDays(90).toString());
				}
				continue;
			}
			if (wasRefused && !required.contains(name)) {
				continue;
			}
			if (name.equals("version")) {
				body.put(name, version(path));
			}
			else if (isText(name, type)) {
				body.put(name, wasRefused ? "Plain text" : HostileText.value(tag(op, field), type.path("maxLength").asInt(0)));
			}
			else {
				Object value = value(name, type, op, path, field, refused);
				if (value instanceof JsonNode node) {
					body.set(name, node);
				}
				else if (value != null) {
					body.set(name, JSON.valueToTree(value));
				}
				else if (required.contains(name)) {
					body.putNull(name);
				}
			}
		}
		return body;
	}

	private Object value(String name, JsonNode type, Operation op, String path, String field, Set<String> refused) {
		String kind = type.path("type").asString("");
		String format = type.path("format").asString("");
		if (type.has("enum")) {
			List<String> values = new ArrayList<>();
			type.get("enum").forEach(v -> values.add(v.asString()));
			return name.equals("role") && values.contains("REP") ? "REP" : values.get(0);
		}
		return switch (kind) {
			case "string" -> switch (format) {
				// A mentor or a rater is someone else than the person the coaching is about: the rep's colleague.
				case "uuid" -> name.equals("mentorId") || name.equals("raterIds") ? colleague : id(kindOf(name));
				// A check-in's day ("on") and a plan's start are today, so a check-in falls within its plan; other dates lie ahead.
				case "date" -> (name.equals("on") || name.equals("startsOn") ? LocalDate.now(clock) : LocalDate.now(clock).plusDays(30)).toString();
				case "date-time" -> OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC).plusDays(1).toString();
				case "email" -> email(op);
				default -> formatted(name, op);
			};
			case "integer" -> type.has("minimum") ? Math.max(type.get("minimum").asInt(), 1) : 1;
			case "number" -> 1000;
			case "boolean" -> Boolean.TRUE;
			case "array" -> {
				Object item = value(name, resolve(type.path("items")), op, path, field + "[]", refused);
				ArrayNode array = JSON.createArrayNode();
				if (item instanceof JsonNode node) {
					array.add(node);
				}
				else if (item != null && !(type.path("items").path("type").asString("").equals("object"))) {
					array.add(JSON.valueToTree(item));
				}
				yield array;
			}
			case "object", "" -> type.has("properties") ? body(op, path, type, field + ".", refused) : null;
			default -> null;
		};
	}

	private String formatted(String name, Operation op) {
		return switch (name) {
			case "email" -> email(op);
			case "password" -> PASSWORD;
			case "period" -> YearMonth.now(clock).toString();
			case "locale", "language" -> "en";
			case "currency" -> "EUR";
			case "timeZone" -> "Europe/Amsterdam";
			default -> null;
		};
	}

	/**
	 * A fresh address, except where the API asks who is signing in, and none where it changes a user: the fill signs in
	 * as the people it made, by the addresses it gave them.
	 */
	private @org.jspecify.annotations.Nullable String email(Operation op) {
		if (op.method.equalsIgnoreCase("PATCH") && op.path.startsWith("/api/v1/users/")) {
			return null;
		}
		return op.path.endsWith("/auth/tokens") ? adminEmail() : "person" + nextEmail++ + "@" + domain;
	}

	private static boolean isText(String name, JsonNode type) {
		return type.path("type").asString("").equals("string") && !type.has("enum") && !type.has("format")
				&& !FORMATTED.contains(name);
	}

	/** The version of the object a path changes: read from the path's object, or found in its collection. */
	private int version(String path) {
		String object = path.replaceAll("/(?:[a-z-]+)$", "");
		for (String candidate : List.of(path, object)) {
			ApiClient.Response read = admin.get(candidate);
			if (read.status() == 200 && read.json().has("version")) {
				return read.json().get("version").asInt();
			}
		}
		int last = object.lastIndexOf('/');
		String id = object.substring(last + 1);
		ApiClient.Response list = admin.get(object.substring(0, last));
		if (list.status() == 200) {
			JsonNode items = list.json().has("items") ? list.json().get("items") : list.json();
			for (JsonNode item : items) {
				if (id.equals(item.path("id").asString(""))) {
					return item.path("version").asInt(0);
				}
			}
		}
		return 0;
	}

	private int tag(Operation op, String field) {
		int tag = nextTag++;
		tags.put(tag, op.method.toUpperCase(Locale.ROOT) + " " + op.path + " " + field);
		return tag;
	}

	private void known(String kind, String id) {
		List<String> list = ids.computeIfAbsent(kind, k -> new ArrayList<>());
		if (!list.contains(id)) {
			list.add(id);
		}
	}

	/**
	 * Ids of pipelines, stages and exit criteria, and of a growth plan's goals and milestones, in an answer, which no
	 * creating operation hands out alone.
	 */
	private void remember(JsonNode answer) {
		JsonNode items = answer.has("items") ? answer.get("items") : answer;
		Iterator<JsonNode> pipelines = items.isArray() ? items.iterator() : List.of(items).iterator();
		while (pipelines.hasNext()) {
			JsonNode pipeline = pipelines.next();
			if (pipeline.path("goals").isArray() && pipeline.has("checkIns")) {
				for (JsonNode goal : pipeline.get("goals")) {
					known("growth-goal", goal.get("id").asString());
					goal.path("milestones").forEach(m -> known("growth-milestone", m.get("id").asString()));
				}
			}
			if (pipeline.has("stages")) {
				known("pipeline", pipeline.get("id").asString());
				for (JsonNode stage : pipeline.get("stages")) {
					known("stage", stage.get("id").asString());
					stage.path("exitCriteria").forEach(c -> known("criterion", c.get("id").asString()));
				}
			}
		}
	}

	/** The kind of object a reference names: {@code accountId} an account, {@code participantIds} users. */
	static String kindOf(String name) {
		String base = name.replaceAll("Ids?$", "");
		return switch (base) {
			case "owner", "leader", "participant", "manager", "assignee", "mentor", "newcomer", "candidate", "rater", "person", "rep",
					"reviewee" -> "user";
			case "parent" -> "team";
			case "seenAdjustment" -> "adjustment";
			case "growthGoal" -> "growth-goal";
			case "growthMilestone" -> "growth-milestone";
			default -> base;
		};
	}

	/** The kind of object a path segment lists: {@code activities} activity, {@code people} user. */
	static String singular(String segment) {
		return switch (segment) {
			case "people", "users" -> "user";
			case "activities" -> "activity";
			case "criteria" -> "criterion";
			case "help" -> "help-request";
			case "coaching-plans" -> "plan";
			default -> segment.endsWith("s") ? segment.substring(0, segment.length() - 1) : segment;
		};
	}

	private JsonNode resolve(JsonNode schema) {
		JsonNode current = schema;
		while (current != null && current.has("$ref")) {
			String ref = current.get("$ref").asString();
			current = document.at(ref.substring(1));
		}
		return current;
	}

	private List<Operation> operations() {
		List<Operation> operations = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : document.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				JsonNode content = method.getValue().path("requestBody").path("content");
				if (!List.of("post", "put", "patch").contains(method.getKey()) || INSTALLATION.contains(path.getKey())) {
					continue;
				}
				boolean multipart = content.has("multipart/form-data");
				JsonNode schema = multipart ? content.get("multipart/form-data").get("schema") : content.path("application/json").get("schema");
				operations.add(new Operation(path.getKey(), method.getKey(), schema == null ? null : resolve(schema), multipart));
			}
		}
		return operations;
	}

	/** An operation of the API document. */
	private final class Operation {

		final String path;
		final String method;
		final JsonNode schema;
		final boolean multipart;

		Operation(String path, String method, JsonNode schema, boolean multipart) {
			this.path = path;
			this.method = method;
			this.schema = schema;
			this.multipart = multipart;
		}

		/** The kind a creating POST makes: the collection it posts to. */
		String produces() {
			String last = path.substring(path.lastIndexOf('/') + 1);
			// A growth plan's goals are added to the plan, which the answer is; their ids come from it (remember).
			return last.startsWith("{") || !last.endsWith("s") || last.equals("snapshots") || path.endsWith("/growth-plans/{id}/goals") ? null
					: singular(last);
		}

		/** The kinds its body refers to. */
		Set<String> refers() {
			Set<String> kinds = new LinkedHashSet<>();
			if (schema != null) {
				schema.path("properties").properties().forEach(p -> {
					JsonNode type = resolve(p.getValue());
					if (type.path("format").asString("").equals("uuid") || type.path("items").path("format").asString("").equals("uuid")) {
						kinds.add(kindOf(p.getKey()));
					}
				});
			}
			return kinds;
		}

		boolean takesText() {
			if (multipart) {
				return true;
			}
			if (schema == null) {
				return false;
			}
			for (Map.Entry<String, JsonNode> p : schema.path("properties").properties()) {
				if (isText(p.getKey(), resolve(p.getValue()))) {
					return true;
				}
			}
			return false;
		}

		boolean pathKindsKnown() {
			return concretePath() != null;
		}

		/** The path with its parameters filled from the objects made so far, or null. */
		String concretePath() {
			Matcher m = PARAM.matcher(path);
			StringBuilder out = new StringBuilder();
			while (m.find()) {
				String name = m.group(1);
				String before = path.substring(0, m.start());
				String segment = before.replaceAll("/$", "").replaceAll("^.*/", "");
				String id = id(name.equals("id") ? singular(segment) : kindOf(name));
				if (id == null) {
					return null;
				}
				m.appendReplacement(out, id);
			}
			m.appendTail(out);
			return out.toString();
		}
	}
}
