package dev.tandem.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import dev.tandem.people.CurrentUser;
import dev.tandem.people.NewOrganisation;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.support.TandemIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A bulk load of many rows has its table analysed once it commits, as the application's own database role (which owns
 * no table): PostgreSQL records when it last did, and plans the next query with the rows counted. A load that rolls
 * back, or one of a few rows, leaves the statistics to autovacuum.
 */
@TandemIntegrationTest
class TableStatisticsTests {

	@Autowired BulkCopy copy;
	@Autowired TableStatistics statistics;
	@Autowired OrganisationManagement organisations;
	@Autowired JdbcClient jdbc;
	@Autowired PlatformTransactionManager transactions;

	@Test
	void aCommittedLoadOfManyRowsIsAnalysedAndARolledBackOrASmallOneIsNot() {
		CurrentUser admin = organisations.open(new NewOrganisation("Statistics " + UUID.randomUUID(), "Europe/Amsterdam", "EUR", "en", 1),
				"admin@statistics-" + UUID.randomUUID().toString().substring(0, 8) + ".test", "Admin", "statistics-passw0rd-1");
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		drain(); // whatever an earlier load (the demo's) left for the worker

		// Rolled back, or a few rows: no analysis. The worker takes its work in order, so once a later request is done,
		// one of these would have been too.
		Instant before = lastAnalysed("crm_account");
		transaction.executeWithoutResult(status -> {
			load(admin, BulkCopy.ANALYZE_FROM + 100);
			status.setRollbackOnly();
		});
		transaction.executeWithoutResult(status -> load(admin, BulkCopy.ANALYZE_FROM - 1));
		drain();
		assertThat(lastAnalysed("crm_account")).isEqualTo(before);

		// Committed: analysed shortly after, as the application's role, and the planner then counts the rows.
		transaction.executeWithoutResult(status -> load(admin, BulkCopy.ANALYZE_FROM));
		await().atMost(Duration.ofSeconds(20)).until(() -> lastAnalysed("crm_account").isAfter(before));
		long estimated = jdbc.sql("select reltuples::bigint from pg_class where oid = 'crm_account'::regclass").query(Long.class).single();
		assertThat(estimated).isGreaterThanOrEqualTo(2L * BulkCopy.ANALYZE_FROM - 1);
	}

	/** Asks the worker for an analysis of another table and waits until it is done. */
	private void drain() {
		Instant before = lastAnalysed("crm_lead");
		statistics.afterCommit("crm_lead");
		await().atMost(Duration.ofSeconds(20)).until(() -> lastAnalysed("crm_lead").isAfter(before));
	}

	private void load(CurrentUser admin, int rows) {
		Instant now = Instant.now();
		copy.copy("crm_account", List.of("org_id", "id", "name", "owner_id", "created_at", "updated_at"),
				() -> IntStream.range(0, rows).mapToObj(i -> new Object[] { admin.orgId(), UUID.randomUUID(), "Account " + i,
						admin.id(), now, now }).iterator());
	}

	private Instant lastAnalysed(String table) {
		return jdbc.sql("select coalesce(last_analyze, 'epoch'::timestamptz) from pg_stat_user_tables where relname = ?")
			.param(table).query(Instant.class).single();
	}
}
