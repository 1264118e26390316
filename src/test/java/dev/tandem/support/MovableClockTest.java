package dev.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tandem.TandemApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application over real HTTP on an {@link AdjustableClock} the test moves on, in a context of
 * its own without the demo, so that moving the clock touches no other test; the tests so marked share that context.
 * Spring Session's idle timeout is a few seconds, so a test can see it end.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { TandemApplication.class, AdjustableClock.Config.class },
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tandem.data-dir=target/test-data/${random.uuid}", "tandem.demo.enabled=false", "logging.file.name=",
				"server.servlet.session.timeout=4s" })
public @interface MovableClockTest {
}
