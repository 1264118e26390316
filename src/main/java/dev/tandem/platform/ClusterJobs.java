package dev.tandem.platform;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that run once in the cluster, not once per node: a job method carries
 * {@code @SchedulerLock(name = ..., lockAtMostFor = ..., lockAtLeastFor = "${tandem.jobs.lock-at-least-for:PT30S}")} beside its
 * {@code @Scheduled}, and a node runs it only while it holds the job's row in {@code platform_job_lock} (ShedLock,
 * V35). Another node whose tick comes while the row is held skips that tick. The lock is kept at least
 * {@code tandem.jobs.lock-at-least-for} (default 30 s) after the job ends, so a node whose clock runs a little
 * behind does not start the same tick again; at most as long as the job says, so a node that died while it ran does
 * not block the job for ever. The database's clock decides, not the nodes'.
 * <p>
 * A job that keeps memory of one node (dropping idle rate-limit buckets) has no lock: every node runs its own.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "PT30M")
class ClusterJobs {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("platform_job_lock")
			.usingDbTime()
			.build());
	}
}
