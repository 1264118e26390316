package dev.tandem.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that runs at the pace of the system clock and that a test moves on at will, to see what the application
 * does hours or days later without waiting. Import {@link Config} in a test context of its own: moving the clock of
 * the shared context would change what other tests see.
 */
public class AdjustableClock extends Clock {

	private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

	/** Moves the clock on by {@code amount}. */
	public void advance(Duration amount) {
		offset.updateAndGet(o -> o.plus(amount));
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset.get());
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	/** The clock as it stands now, in another zone; it does not follow later moves. */
	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.offset(Clock.system(zone), offset.get());
	}

	/** Makes an {@link AdjustableClock} the application's clock. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		@Primary
		AdjustableClock adjustableClock() {
			return new AdjustableClock();
		}
	}
}
