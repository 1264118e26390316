package dev.tandem.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Brings PostgreSQL's planner statistics up to date after a bulk load, instead of waiting for autovacuum. A table that
 * was empty when its statistics were last gathered (a first start, before the demo's history or a company's import)
 * gets plans for an empty table until autovacuum analyses it, a minute or two later, and dashboards over it take
 * seconds instead of milliseconds meanwhile.
 * <p>
 * {@link #afterCommit} runs {@code ANALYZE} on the tables once the transaction commits (nothing if it rolls back), on a
 * thread of its own, so the command that loaded does not wait for it. A database role that may not analyse a table
 * (neither its owner nor granted {@code MAINTAIN}) gets a warning from PostgreSQL and nothing else: autovacuum still
 * catches up on its own.
 */
@Component
public class TableStatistics implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TableStatistics.class);

	private final DataSource dataSource;
	private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "table-statistics");
		thread.setDaemon(true);
		return thread;
	});

	TableStatistics(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Analyses the table after the current transaction commits, with every other table named in that transaction in
	 * one go; at once, if there is no transaction.
	 */
	public void afterCommit(String table) {
		BulkCopy.requireName(table);
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			worker.execute(() -> analyze(Set.of(table)));
			return;
		}
		@SuppressWarnings("unchecked")
		Set<String> pending = (Set<String>) TransactionSynchronizationManager.getResource(this);
		if (pending == null) {
			Set<String> tables = new LinkedHashSet<>();
			TransactionSynchronizationManager.bindResource(this, tables);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(TableStatistics.this);
					if (status == STATUS_COMMITTED) {
						worker.execute(() -> analyze(tables));
					}
				}
			});
			pending = tables;
		}
		pending.add(table);
	}

	private void analyze(Set<String> tables) {
		long started = System.nanoTime();
		try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
			statement.execute("analyze " + String.join(", ", tables));
			log.debug("Analysed {} in {} ms", tables, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
		}
		catch (SQLException | RuntimeException ex) {
			log.info("Could not analyse {} after a bulk load ({}); autovacuum will", tables, ex.getMessage());
		}
	}

	@Override
	public void destroy() throws InterruptedException {
		worker.shutdown();
		worker.awaitTermination(10, TimeUnit.SECONDS);
	}
}
