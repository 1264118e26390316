package dev.tandem.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.tandem.TandemApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A test against the whole application over real HTTP, on a fresh embedded PostgreSQL with the demo
 * organisations. All such tests share one application context, so they share one database: each
 * test creates the records it changes or uses ones no other test changes. The application runs on a
 * {@link TestClock}, so the suite sees the same dates whatever day it runs on.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = { TandemApplication.class, TestClock.class }, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "tandem.data-dir=target/test-data/${random.uuid}", "tandem.demo.enabled=true",
				"logging.file.name=", "spring.thymeleaf.cache=true",
				// Each context would request the heavy pages at start; WarmUpTests runs it once.
				"tandem.warm-up.enabled=false",
				// A job run by one test must not make the next test's run of it wait for the lock to expire.
				"tandem.jobs.lock-at-least-for=PT0S" })
public @interface TandemIntegrationTest {
}
