package dev.tandem.security;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import dev.tandem.crm.RecycleBin;
import dev.tandem.platform.Tenancy;
import dev.tandem.support.ApiClient;
import dev.tandem.support.Demo;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tenant isolation in the database itself: connected as the application's role, as the application is, a connection
 * set to one organisation sees and writes no row of another in any table with an {@code org_id} (read from the
 * catalogue, so a table added later is covered), one set to none sees nothing, and the role can neither own nor
 * bypass what enforces it.
 */
@TandemIntegrationTest
class RowLevelSecurityTests {

	/** No statement updates these at all, whatever the organisation: their trigger refuses first. */
	private static final Set<String> APPEND_ONLY = Set.of("platform_audit_event");

	@Autowired JdbcClient jdbc;
	@Autowired DataSource dataSource;
	@Autowired PlatformTransactionManager transactions;
	@Autowired RecycleBin bin;
	@LocalServerPort int port;

	private TenantTables tables;
	private UUID northwind;
	private UUID zuidwind;

	@BeforeEach
	void organisations() {
		tables = new TenantTables(jdbc);
		northwind = Demo.user(jdbc, Demo.ADMIN).orgId();
		zuidwind = Demo.user(jdbc, Demo.OTHER_TENANT_ADMIN).orgId();
	}

	@Test
	void aConnectionOfOneOrganisationSeesNoRowOfAnotherInAnyTable() {
		Map<String, Long> othersSeen = new LinkedHashMap<>();
		Map<String, Long> ownSeen = new LinkedHashMap<>();
		Tenancy.runAs(northwind, () -> {
			for (String table : tables.names()) {
				// Even asked for by the other organisation's id: the statement's own filter is not what keeps it out.
				othersSeen.put(table, count("select count(*) from " + table + " where org_id = :org", zuidwind)
						+ count("select count(*) from " + table + " where org_id is distinct from :org", northwind));
				ownSeen.put(table, count("select count(*) from " + table + " where org_id = :org", northwind));
			}
		});
		assertThat(othersSeen).as("rows of other organisations seen as Northwind").allSatisfy((table, n) -> assertThat(n).isZero());
		// Not empty by accident: the other organisation has rows, and Northwind sees its own.
		Map<String, Long> zuidwindHas = Tenancy.asSystem(() -> tables.names().stream()
			.collect(Collectors.toMap(t -> t, t -> count("select count(*) from " + t + " where org_id = :org", zuidwind))));
		assertThat(zuidwindHas).containsKeys("people_user", "crm_deal", "crm_activity", "playbook_stage");
		assertThat(zuidwindHas.get("crm_deal")).isPositive();
		assertThat(zuidwindHas.get("people_user")).isPositive();
		assertThat(ownSeen.get("crm_deal")).isPositive();
		assertThat(ownSeen.get("people_organisation")).isEqualTo(1);
	}

	@Test
	void aConnectionOfOneOrganisationWritesNoRowOfAnother() {
		List<String> tried = new ArrayList<>();
		Tenancy.runAs(northwind, () -> {
			for (String table : tables.names()) {
				if (count("select count(*) from " + table + " where org_id = :org", northwind) == 0) {
					continue;
				}
				tried.add(table);
				String columns = String.join(", ", tables.columns(table));
				String copied = tables.columns(table).stream().map(c -> c.equals("org_id") ? "cast(:other as uuid)" : c)
					.collect(Collectors.joining(", "));
				// One of Northwind's rows, written as Zuidwind's: as a new row, and by moving the row itself.
				assertThatThrownBy(() -> jdbc.sql("insert into " + table + " (" + columns + ") select " + copied + " from " + table
						+ " where org_id = :org limit 1").param("org", northwind).param("other", zuidwind).update())
					.as("insert into %s", table).isInstanceOf(DataAccessException.class)
					.rootCause().hasMessageContaining("row-level security");
				if (APPEND_ONLY.contains(table)) {
					continue;
				}
				assertThatThrownBy(() -> inRolledBackTransaction(() -> jdbc.sql("update " + table + " set org_id = :other"
						+ " where ctid = (select ctid from " + table + " where org_id = :org limit 1)")
					.param("org", northwind).param("other", zuidwind).update()))
					.as("update of %s", table).isInstanceOf(DataAccessException.class)
					.rootCause().hasMessageContaining("row-level security");
				// Another organisation's rows are not there to change or remove.
				assertThat(inRolledBackTransaction(() -> jdbc.sql("update " + table + " set org_id = org_id where org_id = :other")
					.param("other", zuidwind).update())).as("rows of Zuidwind updated in %s", table).isZero();
			}
		});
		assertThat(tried).contains("people_user", "crm_deal", "crm_activity", "goals_goal", "forecast_submission");
	}

	@Test
	void aConnectionOfNoOrganisationSeesNothing() throws Exception {
		// A thread of its own: no signed-in user and no declared scope, as a job that forgot to declare one.
		Map<String, Long> seen = CompletableFuture.supplyAsync(() -> tables.names().stream()
			.collect(Collectors.toMap(t -> t, t -> jdbc.sql("select count(*) from " + t).query(Long.class).single()))).get();
		assertThat(seen).allSatisfy((table, n) -> assertThat(n).as(table).isZero());
		// A connection on which Tandem never set anything sees nothing either.
		try (Connection raw = DriverManager.getConnection(dataSource.unwrap(HikariDataSource.class).getJdbcUrl());
				Statement statement = raw.createStatement();
				ResultSet users = statement.executeQuery("select count(*) from people_user")) {
			users.next();
			assertThat(users.getLong(1)).isZero();
		}
		assertThat(Tenancy.asSystem(() -> jdbc.sql("select count(*) from people_user").query(Long.class).single())).isPositive();
	}

	@Test
	void aScopeDeclaredInsideATransactionHoldsForItsStatementsOnly() {
		List<Long> seen = new TransactionTemplate(transactions).execute(status -> Tenancy.runAs(northwind, () -> {
			long before = count("select count(*) from people_user where org_id = :org", zuidwind);
			long inside = Tenancy.runAs(zuidwind, () -> count("select count(*) from people_user where org_id = :org", zuidwind));
			long after = count("select count(*) from people_user where org_id = :org", zuidwind);
			return List.of(before, inside, after);
		}));
		assertThat(seen.get(0)).isZero();
		assertThat(seen.get(1)).isPositive();
		assertThat(seen.get(2)).isZero();
	}

	@Test
	void theHourlyPurgeFindsAndPurgesEveryOrganisationsEntriesOnAThreadWithoutAUser() throws Exception {
		ApiClient admin = ApiClient.as(port, Demo.ADMIN, Demo.PASSWORD);
		String account = admin.post("/api/v1/accounts", "{\"name\":\"Purged by the job " + UUID.randomUUID() + "\"}").json()
			.get("id").asString();
		assertThat(admin.delete("/api/v1/accounts/" + account).status()).isEqualTo(204);
		jdbc.sql("update crm_recycle_bin set deleted_at = deleted_at - interval '40 days' where record_id = cast(:id as uuid)")
			.param("id", account).update();
		// As the scheduler runs it: its own thread, nobody signed in, nothing declared but what the job declares.
		CompletableFuture.runAsync(bin::purgeExpired).get();
		assertThat(jdbc.sql("select count(*) from crm_account where id = cast(:id as uuid)").param("id", account)
			.query(Long.class).single()).isZero();
	}

	@Test
	void theApplicationsRoleOwnsNothingAndCannotBypassTheRules() {
		Map<String, Object> role = jdbc.sql("""
				select current_user as name, r.rolsuper, r.rolbypassrls, r.rolcreaterole, r.rolcreatedb,
				       has_schema_privilege(current_user, current_schema(), 'CREATE') as creates,
				       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				         where n.nspname = current_schema() and c.relowner = r.oid) as owned,
				       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				         where n.nspname = current_schema() and c.relkind = 'r'
				           and has_table_privilege(current_user, c.oid, 'TRUNCATE, REFERENCES, TRIGGER')) as beyond_rows
				  from pg_roles r where r.rolname = current_user
				""").query().singleRow();
		assertThat(role).containsEntry("name", "tandem_app").containsEntry("rolsuper", false).containsEntry("rolbypassrls", false)
			.containsEntry("rolcreaterole", false).containsEntry("rolcreatedb", false).containsEntry("creates", false)
			.containsEntry("owned", 0L).containsEntry("beyond_rows", 0L);
		assertThat(jdbc.sql("select count(*) from pg_tables where schemaname = current_schema() and tableowner = current_user")
			.query(Long.class).single()).isZero();
	}

	@Test
	void everyTableWithAnOrganisationHasRowLevelSecurityAndItsPolicy() {
		List<String> unguarded = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = current_schema() and c.relkind in ('r', 'p')
				   and exists (select from pg_attribute a where a.attrelid = c.oid and a.attname = 'org_id' and not a.attisdropped)
				   and not (c.relrowsecurity
				            and exists (select from pg_policy p where p.polrelid = c.oid and p.polname = c.relname || '_tenant_policy'
				                           and p.polcmd = '*' and p.polpermissive))
				 order by 1
				""").query(String.class).list();
		assertThat(unguarded).as("tables with an org_id but without row-level security: a migration that adds one calls "
				+ "select platform_isolate_tenant('<table>')").isEmpty();
		assertThat(jdbc.sql("select count(*) from pg_policy").query(Long.class).single()).isEqualTo(tables.names().size());
		List<String> ownerRightsViews = jdbc.sql("""
				select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
				 where n.nspname = current_schema() and c.relkind = 'v'
				   and not coalesce('security_invoker=true' = any(c.reloptions), false)
				 order by 1
				""").query(String.class).list();
		assertThat(ownerRightsViews).as("views that read with their owner's rights, past the policies: "
				+ "create them with (security_invoker = true)").isEmpty();
	}

	/**
	 * Search reads through functions that run as the owner of the tables, to whom the policies do not apply (V52,
	 * V52_1): they answer only the organisation the connection is set to, and nothing for a connection set to none.
	 */
	@Test
	void theSearchFunctionsAnswerOnlyTheOrganisationTheConnectionIsSetTo() {
		String account = Tenancy.asSystem(() -> jdbc.sql("select name from crm_account where org_id = :org and deleted_at is null order by name limit 1")
			.param("org", zuidwind).query(String.class).single());
		String colleague = Tenancy.asSystem(() -> jdbc.sql("select display_name from people_user where org_id = :org order by display_name limit 1")
			.param("org", zuidwind).query(String.class).single());
		String records = "select count(*) from crm_search_matches(:q, :like) m where m.id in (select id from crm_account where org_id = :org)";
		String people = "select count(*) from people_search_matches(:q, :like) m where m in (select id from people_user where org_id = :org)";

		// Zuidwind's own connection finds its account and its colleague, so the searches below could find them.
		assertThat(Tenancy.runAs(zuidwind, () -> matches(records, account, zuidwind))).isPositive();
		assertThat(Tenancy.runAs(zuidwind, () -> matches(people, colleague, zuidwind))).isPositive();
		// Set to Northwind, or to none, they find none of Zuidwind's (counted as the system, which sees every row).
		List<UUID> seenByNorthwind = Tenancy.runAs(northwind, () -> jdbc.sql("select id from crm_search_matches(:q, :like)")
			.param("q", account).param("like", "%" + account + "%").query(UUID.class).list());
		List<UUID> seenByNone = jdbc.sql("select id from crm_search_matches(:q, :like)")
			.param("q", account).param("like", "%" + account + "%").query(UUID.class).list();
		List<UUID> peopleSeenByNone = jdbc.sql("select people_search_matches(:q, :like)")
			.param("q", colleague).param("like", "%" + colleague + "%").query(UUID.class).list();
		Set<UUID> zuidwindIds = Tenancy.asSystem(() -> Set.copyOf(jdbc.sql("""
				select id from crm_account where org_id = :org union all select id from crm_deal where org_id = :org
				union all select id from crm_contact where org_id = :org union all select id from crm_lead where org_id = :org
				""").param("org", zuidwind).query(UUID.class).list()));
		assertThat(seenByNorthwind).as("Zuidwind's records found by a Northwind connection").doesNotContainAnyElementsOf(zuidwindIds);
		assertThat(seenByNone).as("records found by a connection set to no organisation").isEmpty();
		assertThat(peopleSeenByNone).as("colleagues found by a connection set to no organisation").isEmpty();
	}

	private long matches(String sql, String text, UUID org) {
		return jdbc.sql(sql).param("q", text).param("like", "%" + text + "%").param("org", org).query(Long.class).single();
	}

	private long count(String sql, UUID org) {
		return jdbc.sql(sql).param("org", org).query(Long.class).single();
	}

	private <T> T inRolledBackTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(transactions).execute(status -> {
			status.setRollbackOnly();
			return work.get();
		});
	}
}
