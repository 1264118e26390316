package dev.tandem.exchange;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.tandem.exchange.persistence.Imports;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.Tenancy;
import jakarta.annotation.PreDestroy;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs imports in the background, each in one transaction: everything or nothing is written. The run
 * holds a PostgreSQL advisory lock for its whole transaction, so an import that shows as running
 * while nobody holds its lock died with its node (the database rolled its transaction back) and is
 * marked failed. Progress is written in short transactions of its own, so others see it move.
 */
@Component
class ImportRunner {

	static final String INTERRUPTED = "exchange.error.interrupted";
	private static final Logger log = LoggerFactory.getLogger(ImportRunner.class);

	private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
		Thread thread = new Thread(r, "tandem-import");
		thread.setDaemon(true);
		return thread;
	});
	private final Imports imports;
	private final ImportPlanner planner;
	private final ImportWriter writer;
	private final JdbcClient jdbc;
	private final TransactionTemplate transaction;
	private final TransactionTemplate separate;
	private final Clock clock;
	private final ImportNotices notices;

	ImportRunner(Imports imports, ImportPlanner planner, ImportWriter writer, JdbcClient jdbc, PlatformTransactionManager transactions,
			Clock clock, ImportNotices notices) {
		this.notices = notices;
		this.imports = imports;
		this.planner = planner;
		this.writer = writer;
		this.jdbc = jdbc;
		this.transaction = new TransactionTemplate(transactions);
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	void submit(CurrentUser admin, ImportJob job, List<Table> tables) {
		// The background thread has no signed-in user: it works as the admin's organisation, declared.
		executor.submit(() -> Tenancy.runAs(admin.orgId(), () -> run(admin, job, tables)));
	}

	private void run(CurrentUser admin, ImportJob job, List<Table> tables) {
		UUID orgId = admin.orgId();
		try {
			transaction.executeWithoutResult(status -> {
				jdbc.sql("select 1 from pg_advisory_xact_lock(:key)").param("key", lockKey(job.id())).query(Integer.class).single();
				if (!Boolean.TRUE.equals(separate.execute(s -> imports.start(orgId, job.id(), clock.instant())))) {
					status.setRollbackOnly();
					return;
				}
				int total = Math.max(1, job.rowsTotal());
				Plan plan = planner.plan(admin, job.settings(), tables, done -> progress(orgId, job.id(), (int) (done * 0.5)));
				if (!plan.report().ready()) {
					throw new InvalidInputException(List.of(new dev.tandem.platform.FieldProblem("import", "exchange.error.not-ready")));
				}
				writer.write(admin, job.id(), plan.work(), percent -> progress(orgId, job.id(), total * percent / 100));
				ImportReport report = plan.report();
				imports.finish(orgId, job.id(), report, clock.instant());
				notices.ended(admin, job.id());
			});
		}
		catch (RuntimeException ex) {
			String error = ex instanceof InvalidInputException invalid ? invalid.problems().get(0).messageKey() : "exchange.error.failed";
			log.warn("Import {} failed: {}", job.id(), ex.toString());
			separate.executeWithoutResult(s -> {
				imports.fail(orgId, job.id(), error, clock.instant());
				notices.ended(admin, job.id());
			});
		}
	}

	private void progress(UUID orgId, UUID id, int rowsDone) {
		separate.executeWithoutResult(s -> imports.progress(orgId, id, rowsDone, clock.instant()));
	}

	/** Marks imports that show as running but whose run holds no lock any more (its node stopped) as failed. */
	@EventListener(ApplicationReadyEvent.class)
	void failInterrupted() {
		List<UUID[]> running = Tenancy.asSystem(() -> jdbc.sql("select org_id, id from exchange_import where status = 'RUNNING'")
			.query((rs, n) -> new UUID[] { rs.getObject("org_id", UUID.class), rs.getObject("id", UUID.class) }).list());
		for (UUID[] run : running) {
			Tenancy.runAs(run[0], () -> separate.executeWithoutResult(s -> {
				boolean free = Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(:key)").param("key", lockKey(run[1]))
					.query(Boolean.class).single());
				if (free) {
					imports.fail(run[0], run[1], INTERRUPTED, clock.instant());
				}
			}));
		}
	}

	/**
	 * The same every five minutes, on one node of the cluster at a time: an import whose node stopped while others run
	 * on is marked failed without waiting for a restart.
	 */
	@Scheduled(fixedDelayString = "${tandem.imports.interrupted-check:PT5M}", initialDelayString = "${tandem.imports.interrupted-check:PT5M}")
	@SchedulerLock(name = "imports-fail-interrupted", lockAtMostFor = "PT4M", lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")
	public void failInterruptedRegularly() {
		failInterrupted();
	}

	static long lockKey(UUID id) {
		return id.getMostSignificantBits() ^ id.getLeastSignificantBits();
	}

	@PreDestroy
	void stop() {
		executor.shutdownNow();
	}
}
