package dev.tandem.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * The clock of the application under test: it starts at a pinned moment and runs on from there, so the demo
 * organisation and every rule about "today" see the same date whatever day the suite runs on. The moment is
 * {@value #PINNED} unless {@code tandem.test.clock} names another (an ISO offset date-time), as a test about a
 * particular date does with {@code @TestPropertySource}. {@code -Dtandem.test.clock=system} runs the suite on the
 * system clock instead, to prove under libfaketime that it passes on whatever day it is. {@code offset:} and an ISO
 * duration ({@code offset:PT-42S}) runs that far from the system clock, so a second application in the same test can
 * read exactly what the first one's clock reads.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClock {

	/** A Wednesday in the middle of a month and a quarter. */
	public static final String PINNED = "2026-11-18T10:00:00+01:00";

	@Bean
	@Primary
	Clock pinnedClock(@Value("${tandem.test.clock:" + PINNED + "}") String pinned) {
		if (pinned.startsWith("offset:")) {
			return Clock.offset(Clock.systemUTC(), Duration.parse(pinned.substring("offset:".length())));
		}
		return "system".equals(pinned) ? Clock.systemUTC() : startingAt(OffsetDateTime.parse(pinned).toInstant());
	}

	/** What {@code tandem.test.clock} says to read the same as {@code clock}, for another application in the same test. */
	public static String sameAs(Clock clock) {
		return "offset:" + Duration.between(Instant.now(), clock.instant());
	}

	/** A clock that reads {@code start} now and runs on at the pace of the system clock. */
	public static Clock startingAt(Instant start) {
		return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
	}
}
