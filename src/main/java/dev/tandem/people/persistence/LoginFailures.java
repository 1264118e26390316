package dev.tandem.people.persistence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins per subject (an account or a client address), kept in the database so the
 * throttle holds across application nodes.
 */
@Repository
public class LoginFailures {

	private final JdbcClient jdbc;

	LoginFailures(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void record(String subject, Instant at) {
		jdbc.sql("insert into people_login_failure (subject, failed_at) values (:subject, :at)")
			.param("subject", subject).param("at", Timestamp.from(at)).update();
	}

	/** The failures of a subject since {@code since}: how many, and the oldest of them. */
	public Window since(String subject, Instant since) {
		return jdbc.sql("select count(*) as n, min(failed_at) as oldest from people_login_failure where subject = :subject and failed_at > :since")
			.param("subject", subject).param("since", Timestamp.from(since))
			.query((rs, n) -> new Window(rs.getInt("n"),
					Optional.ofNullable(rs.getTimestamp("oldest")).map(Timestamp::toInstant)))
			.single();
	}

	public void clear(String subject) {
		jdbc.sql("delete from people_login_failure where subject = :subject").param("subject", subject).update();
	}

	public void purgeOlderThan(Instant before) {
		jdbc.sql("delete from people_login_failure where failed_at < :before").param("before", Timestamp.from(before)).update();
	}

	public record Window(int count, Optional<Instant> oldest) {

		public Instant retryAt(Duration window) {
			return oldest.map(o -> o.plus(window)).orElse(Instant.now());
		}
	}
}
