package dev.tandem.insight;

import org.springframework.test.context.TestPropertySource;

/**
 * The demo's story on 1 January at half past midnight: the first hour of a month, a quarter and a year, before
 * anyone has worked in them, when every running period is still empty.
 */
@TestPropertySource(properties = "tandem.test.clock=2027-01-01T00:30:00+01:00")
class DemoStoryOnNewYearsDayTests extends DemoStoryTests {
}
