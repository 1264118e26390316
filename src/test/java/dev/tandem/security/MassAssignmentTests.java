package dev.tandem.security;

import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.NewUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.people.Role;
import dev.tandem.people.UserManagement;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.HostileOrganisation;
import dev.tandem.support.TandemIntegrationTest;
import dev.tandem.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fields a client must not set (a record's id, its organisation, its owner where the request has no owner, a role,
 * a version, when it was created, a password hash, whether it is deleted) are refused with a 400 naming the field or
 * ignored, and the database shows they took no effect: for every JSON write of the OpenAPI document, with a valid
 * body of its schema and those fields added, in an organisation holding a record of every kind, as its admin and, with
 * an owner they may not see added everywhere, as a rep; and for every form the pages post, which binds none of them.
 * A new endpoint or form is covered without a change here.
 */
@TandemIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MassAssignmentTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();
	private static final String LONG_AGO = "2001-02-03T04:05:06Z";
	private static final String HASH = "$2a$10$massassignmentmassassignmentmassassignmentmassa";
	private static final int VERSION = 4242;
	/** Earlier than anything the organisation holds: a time before it is one sent. */
	private static final String BEFORE = "timestamptz '2002-01-01 00:00Z'";

	/** Fields that no form may bind: whatever it changes, these the server decides. */
	private static final Set<String> NEVER_BOUND = Set.of("id", "orgId", "org_id", "createdAt", "passwordHash", "deleted", "deletedAt",
			"updatedBy", "loggedBy");

	@LocalServerPort int port;
	@Autowired JdbcClient jdbc;
	@Autowired Clock clock;
	@Autowired OrganisationManagement organisations;
	@Autowired UserManagement users;
	@Autowired dev.tandem.people.TeamManagement teams;
	@Autowired dev.tandem.coaching.review.ReviewManagement reviews;
	@Autowired dev.tandem.coaching.review.ReviewTemplates reviewTemplates;
	@Autowired dev.tandem.coaching.oneonone.OneOnOneManagement oneOnOnes;
	@Autowired dev.tandem.coaching.mentoring.MentoringManagement mentoring;
	@Autowired dev.tandem.coaching.plan.CoachingPlanManagement coachingPlans;
	@Autowired dev.tandem.coaching.mentoring.ReadinessManagement readiness;
	@Autowired dev.tandem.coaching.plan.GrowthPlanManagement growthPlans;
	@Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mapping;

	HostileOrganisation org;
	UUID orgId;
	UUID adminId;
	UUID decoy;
	UUID bystander;
	String repEmail;
	UUID repId;
	UUID injectedId;
	TenantTables tables;

	@BeforeAll
	void openOrganisations() {
		org = HostileOrganisation.open(organisations, port, clock);
		CurrentUser admin = Demo.user(jdbc, org.adminEmail());
		orgId = admin.orgId();
		adminId = admin.id();
		// Someone who owns nothing, so a record that comes to be theirs shows an owner set where it may not be.
		bystander = users.create(admin, new NewUser("bystander@" + org.adminEmail().substring(6), "Bystander", Role.REP, "en",
				HostileOrganisation.PASSWORD, List.of())).user().id();
		decoy = organisations.open(new NewOrganisation("Decoy " + UUID.randomUUID(), "Europe/Amsterdam", "EUR", "en", 1),
				"admin@decoy-" + UUID.randomUUID().toString().substring(0, 8) + ".test", "Decoy", "decoy-passw0rd-1").orgId();
		injectedId = UUID.randomUUID();
		repEmail = "walker-rep@" + org.adminEmail().substring(6);
		repId = users.create(admin, new NewUser(repEmail, "Walker rep", Role.REP, "en", HostileOrganisation.PASSWORD, List.of()))
			.user().id();
		// The admin leads a team with the walker rep and holds 1:1s with them, so the 1:1 writes have records to walk.
		java.time.LocalDate today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Europe/Amsterdam")));
		UUID team = teams.create(admin, new dev.tandem.people.NewTeam("Walker team", dev.tandem.people.TeamKind.SALES, null, adminId)).id();
		teams.addMember(admin, team, repId, today);
		UUID series = oneOnOnes.start(admin, null, repId, new dev.tandem.coaching.oneonone.NewSeries(dev.tandem.coaching.oneonone.Cadence.WEEKLY,
				java.time.DayOfWeek.FRIDAY, java.time.LocalTime.of(16, 0), 30, today.plusDays(1))).id();
		oneOnOnes.addAction(admin, null, oneOnOnes.meetings(admin, series).get(0).id(), "Walker action", null, null);
		// A second rep of the team mentors the first, for the paths of a mentorship.
		UUID mentor = users.create(admin, new NewUser("walker-mentor@" + org.adminEmail().substring(6), "Walker mentor", Role.REP, "en",
				HostileOrganisation.PASSWORD, List.of())).user().id();
		teams.addMember(admin, team, mentor, today);
		mentoring.assign(admin, new dev.tandem.coaching.mentoring.NewMentorship(repId, mentor, null, null, null), null);
		// A readiness assessment of the rep, for the paths of its raters, answers and conclusion.
		readiness.start(admin, repId, 10, null);
		// A coaching plan and a growth plan of the rep, for the paths of their check-ins, goals and milestones.
		coachingPlans.create(admin, new dev.tandem.coaching.plan.NewCoachingPlan(repId, "Walker focus", false,
				dev.tandem.coaching.plan.PlanMetric.WIN_RATE, null, null, new java.math.BigDecimal("0.3"), today, today.plusDays(60)), null);
		growthPlans.create(admin, new dev.tandem.coaching.plan.NewGrowthPlan(repId, null, "Walker growth", today, today.plusDays(180),
				List.of(new dev.tandem.coaching.plan.NewGrowthPlan.NewGrowthGoal("Walker goal", dev.tandem.coaching.plan.SupportKind.MANAGER,
						null, null, today.plusDays(90), List.of(new dev.tandem.coaching.plan.NewGrowthPlan.NewMilestone("Walker milestone",
								today.plusDays(30)))))), null);
		tables = new TenantTables(jdbc);
		// A review, for the paths of its steps: the rep of the admin's team, reviewed by the admin.
		// One section, so the walker's one score is a whole assessment; the rep's self-assessment is done.
		var template = reviewTemplates.create(admin, "Walker template", "Walker sjabloon",
				List.of(new dev.tandem.coaching.review.ReviewTemplate.Section("Results", "Resultaten", "", "")));
		var cycle = reviews.createCycle(admin, new dev.tandem.coaching.review.ReviewInput.NewCycle("Walker review", null, null, template.id(),
				List.of(repId), null));
		reviews.selfAssess(Demo.user(jdbc, repEmail), cycle.reviewIds().get(0), new dev.tandem.coaching.review.ReviewInput.SelfAssessment(
				List.of(new dev.tandem.coaching.review.ReviewInput.Score(1, 7, null)), null, null));
	}

	@Test
	void everyJsonWriteRefusesOrIgnoresFieldsTheServerDecides() {
		Walked walked = walk(org.api(), adminId, true);
		assertThat(walked.tried()).as("JSON writes tried").isGreaterThan(30);
		// Most bodies are valid, so the added fields reach a write that could have taken them.
		assertThat(walked.taken()).as("JSON writes that succeeded; refused: %s", walked.refused()).isGreaterThan(walked.tried() / 2);
		assertThat(walked.problems()).isEmpty();
	}

	@Test
	void aRepMakesNoRecordSomeoneElsesWhoseDataTheyMayNotSee() {
		Walked walked = walk(ApiClient.as(port, repEmail, HostileOrganisation.PASSWORD), repId, false);
		// Deals, accounts, activities, leads and more take an owner; whether refused or ignored, none became the bystander's.
		assertThat(walked.withOwner()).as("JSON writes that take an owner").isGreaterThan(3);
		assertThat(walked.problems()).isEmpty();
	}

	/** What a walk over the JSON writes found: how many it tried, how many succeeded, and what took effect. */
	private record Walked(int tried, int taken, int withOwner, List<String> problems, List<String> refused) {
	}

	/**
	 * Sends every JSON write of the document as {@code caller}, with a valid body and the fields the server decides
	 * added; an owner is added where the body declares none, or everywhere unless {@code mayChooseOwner}.
	 */
	private Walked walk(ApiClient caller, UUID self, boolean mayChooseOwner) {
		ApiOperations document = new ApiOperations(ApiClient.anonymous(port).get("/v3/api-docs").body());
		PathValues paths = new PathValues(jdbc, tables);
		RequestBodies bodies = new RequestBodies(document, jdbc, tables, paths, clock);
		List<String> problems = new ArrayList<>();
		int tried = 0;
		int taken = 0;
		int withOwner = 0;
		List<String> refused = new ArrayList<>();
		for (ApiOperations.Operation operation : document.all()) {
			if (!List.of("POST", "PUT", "PATCH").contains(operation.method()) || operation.body() == null
					|| operation.bodyType() == null || !operation.bodyType().contains("json")) {
				continue;
			}
			PathValues.Bound bound;
			try {
				bound = paths.bind(operation.path(), orgId, Set.of(self), operation.pathValues()).get(0);
			}
			catch (PathValues.Unresolvable ex) {
				problems.add(operation.key() + ": " + ex.getMessage());
				continue;
			}
			String valid = bodies.body(operation, bound, orgId, Set.of(self));
			JsonNode parsed = valid == null ? null : JSON.readTree(valid);
			if (!(parsed instanceof ObjectNode body)) {
				continue;
			}
			Set<String> declared = new LinkedHashSet<>();
			document.resolve(operation.body()).path("properties").propertyNames().forEach(declared::add);
			Map<String, Object> extra = extras(declared);
			withOwner += declared.contains("ownerId") ? 1 : 0;
			if (!mayChooseOwner) {
				extra.put("ownerId", bystander.toString());
				declared.remove("ownerId");
			}
			extra.forEach((field, value) -> body.set(field, JSON.valueToTree(value)));
			Map<UUID, String> roles = roles();
			long deleted = deletedRows();
			String decoyPrint = decoyPrint();
			ApiClient.Response answer = switch (operation.method()) {
				case "POST" -> caller.post(bound.path(), JSON.writeValueAsString(body));
				case "PUT" -> caller.put(bound.path(), JSON.writeValueAsString(body));
				default -> caller.patch(bound.path(), JSON.writeValueAsString(body));
			};
			tried++;
			taken += answer.status() < 300 ? 1 : 0;
			String as = operation.key() + " answered " + answer.status() + ": ";
			if (answer.status() >= 300) {
				refused.add(as + answer.body().substring(Math.max(0, answer.body().indexOf("\"errors\"")), Math.min(answer.body().length(), 400)));
			}
			if (answer.status() >= 500) {
				problems.add(as + answer.body());
			}
			// A 400 naming an added field refuses it; any other answer must have ignored them, as the database shows.
			problems.addAll(tookEffect(as, declared, roles, deleted, decoyPrint));
		}
		return new Walked(tried, taken, withOwner, problems, refused);
	}

	@Test
	void noFormBindsFieldsTheServerDecides() {
		List<String> problems = new ArrayList<>();
		int forms = 0;
		for (WebRoutes.Route route : WebRoutes.of(mapping)) {
			if (!route.writes()) {
				continue;
			}
			for (MethodParameter parameter : route.handler().getMethodParameters()) {
				Set<String> bound = bound(parameter);
				if (!bound.isEmpty()) {
					forms++;
				}
				bound.stream().filter(NEVER_BOUND::contains)
					.forEach(field -> problems.add(route.key() + " binds " + field + " from the form"));
			}
		}
		assertThat(forms).as("form fields found").isGreaterThan(20);
		assertThat(problems).isEmpty();
	}

	@Test
	void aFormPostedWithFieldsTheServerDecidesIgnoresThem() {
		WebSession session = WebSession.signedIn(port, org.adminEmail(), HostileOrganisation.PASSWORD);
		Map<UUID, String> roles = roles();
		long deleted = deletedRows();
		String decoyPrint = decoyPrint();
		Map<String, String> form = new LinkedHashMap<>(Map.of("name", "Posted with extras", "ownerId", adminId.toString(),
				"id", injectedId.toString(), "orgId", decoy.toString(), "createdAt", LONG_AGO, "version", String.valueOf(VERSION),
				"deleted", "true", "passwordHash", HASH, "role", "ADMIN"));
		assertThat(session.post("/accounts", form).statusCode()).isEqualTo(302);
		assertThat(jdbc.sql("select count(*) from crm_account where org_id = :org and name = 'Posted with extras' and version = 0")
			.param("org", orgId).query(Long.class).single()).isEqualTo(1);
		assertThat(tookEffect("POST /accounts: ", Set.of(), roles, deleted, decoyPrint)).isEmpty();
	}

	/** The fields to add to a body: those its schema does not declare (the owner, role and version only then). */
	private Map<String, Object> extras(Set<String> declared) {
		Map<String, Object> extra = new LinkedHashMap<>();
		extra.put("id", injectedId.toString());
		extra.put("orgId", decoy.toString());
		extra.put("org_id", decoy.toString());
		extra.put("ownerId", bystander.toString());
		extra.put("role", "ADMIN");
		extra.put("version", VERSION);
		extra.put("createdAt", LONG_AGO);
		extra.put("passwordHash", HASH);
		extra.put("deleted", true);
		extra.put("deletedAt", LONG_AGO);
		extra.keySet().removeAll(declared);
		return extra;
	}

	/** What the injected values would have left in the database, as problems. */
	private List<String> tookEffect(String as, Set<String> declared, Map<UUID, String> rolesBefore, long deletedBefore,
			String decoyBefore) {
		List<String> problems = new ArrayList<>();
		for (String table : tables.names()) {
			String where = " from " + table + " where ";
			// Table and column names come from the catalogue.
			if (tables.hasColumn(table, "id") && exists("select 1" + where + "id = :value", injectedId)) {
				problems.add(as + "a row of " + table + " took the id sent");
			}
			if (!declared.contains("ownerId") && tables.hasColumn(table, "owner_id")
					&& exists("select 1" + where + "org_id = :org and owner_id = :value", bystander)) {
				problems.add(as + "a row of " + table + " took the owner sent");
			}
			if (tables.hasColumn(table, "created_at") && exists("select 1" + where + "org_id = :value and created_at < " + BEFORE, orgId)) {
				problems.add(as + "a row of " + table + " took the creation time sent");
			}
			if (!declared.contains("version") && tables.hasColumn(table, "version")
					&& exists("select 1" + where + "org_id = :value and version >= " + VERSION, orgId)) {
				problems.add(as + "a row of " + table + " took the version sent");
			}
			if (tables.hasColumn(table, "deleted_at") && exists("select 1" + where + "org_id = :value and deleted_at < " + BEFORE, orgId)) {
				problems.add(as + "a row of " + table + " took the deletion time sent");
			}
		}
		if (jdbc.sql("select count(*) from people_user where password_hash = :hash").param("hash", HASH).query(Long.class).single() > 0) {
			problems.add(as + "a user took the password hash sent");
		}
		if (!declared.contains("role") && !roles().equals(rolesBefore)) {
			problems.add(as + "a user's role changed");
		}
		if (!declared.contains("deleted") && deletedRows() > deletedBefore) {
			problems.add(as + "records were deleted");
		}
		if (!decoyPrint().equals(decoyBefore)) {
			problems.add(as + "the other organisation's records changed");
		}
		return problems;
	}

	private boolean exists(String select, UUID value) {
		return jdbc.sql("select exists (" + select + ")").param("org", orgId).param("value", value).query(Boolean.class).single();
	}

	private Map<UUID, String> roles() {
		Map<UUID, String> roles = new LinkedHashMap<>();
		jdbc.sql("select id, role from people_user where org_id = :org order by id").param("org", orgId)
			.query((rs, n) -> roles.put(rs.getObject(1, UUID.class), rs.getString(2))).list();
		return roles;
	}

	/** Rows of the organisation in the recycle bin, of every table that has one. */
	private long deletedRows() {
		long deleted = 0;
		for (String table : tables.names()) {
			if (tables.hasColumn(table, "deleted_at")) {
				deleted += jdbc.sql("select count(*) from " + table + " where org_id = :org and deleted_at is not null").param("org", orgId)
					.query(Long.class).single();
			}
		}
		return deleted;
	}

	/** Row count and row versions of every table for the decoy organisation: any write there changes it. */
	private String decoyPrint() {
		StringBuilder print = new StringBuilder();
		for (String table : tables.names()) {
			print.append(table).append(' ').append(jdbc.sql("select count(*) || '/' || coalesce(sum(xmin::text::bigint), 0) from "
					+ table + " where org_id = :org").param("org", decoy).query(String.class).single()).append('\n');
		}
		return print.toString();
	}

	/** The names a handler parameter takes from a posted form: a request parameter's, or a bound object's properties. */
	private static Set<String> bound(MethodParameter parameter) {
		Set<String> names = new LinkedHashSet<>();
		RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
		Class<?> type = parameter.getParameterType();
		if (param != null) {
			String name = !param.name().isEmpty() ? param.name() : !param.value().isEmpty() ? param.value() : parameter.getParameterName();
			if (name != null && !Map.class.isAssignableFrom(type)) {
				names.add(name);
			}
			return names;
		}
		boolean attribute = parameter.hasParameterAnnotation(ModelAttribute.class)
				|| (!BeanUtils.isSimpleProperty(type) && type.getName().startsWith("dev.tandem.")
						&& parameter.getParameterAnnotations().length == 0);
		if (!attribute) {
			return names;
		}
		if (type.isRecord()) {
			for (RecordComponent component : type.getRecordComponents()) {
				names.add(component.getName());
			}
		}
		else {
			for (var property : BeanUtils.getPropertyDescriptors(type)) {
				if (property.getWriteMethod() != null) {
					names.add(property.getName());
				}
			}
		}
		return names;
	}
}
