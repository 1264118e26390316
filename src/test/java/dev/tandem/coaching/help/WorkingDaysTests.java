package dev.tandem.coaching.help;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** When an unanswered help request becomes overdue: working days are Monday to Friday in the organisation's zone. */
class WorkingDaysTests {

	private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

	@Test
	void aFridayAfternoonRequestIsDueOnMondayAfternoon() {
		assertThat(WorkingDays.after(at("2026-11-13T15:00:00+01:00"), 1, AMSTERDAM)).isEqualTo(at("2026-11-16T15:00:00+01:00"));
		assertThat(WorkingDays.after(at("2026-11-13T15:00:00+01:00"), 2, AMSTERDAM)).isEqualTo(at("2026-11-17T15:00:00+01:00"));
	}

	@Test
	void aWeekdayRequestIsDueTheNextWorkingDay() {
		assertThat(WorkingDays.after(at("2026-11-17T15:00:00+01:00"), 1, AMSTERDAM)).isEqualTo(at("2026-11-18T15:00:00+01:00"));
		assertThat(WorkingDays.after(at("2026-11-17T15:00:00+01:00"), 0, AMSTERDAM)).isEqualTo(at("2026-11-17T15:00:00+01:00"));
	}

	@Test
	void aWeekendRequestCountsFromMondayMorning() {
		assertThat(WorkingDays.after(at("2026-11-14T11:00:00+01:00"), 1, AMSTERDAM)).isEqualTo(at("2026-11-17T00:00:00+01:00"));
		assertThat(WorkingDays.after(at("2026-11-15T23:30:00+01:00"), 1, AMSTERDAM)).isEqualTo(at("2026-11-17T00:00:00+01:00"));
	}

	@Test
	void countsInTheOrganisationsZone() {
		// Friday 23:30 in Amsterdam is Friday 22:30 UTC, but Saturday 07:30 in Tokyo, where it counts from Monday.
		Instant late = at("2026-11-13T23:30:00+01:00");
		assertThat(WorkingDays.after(late, 1, AMSTERDAM)).isEqualTo(at("2026-11-16T23:30:00+01:00"));
		assertThat(WorkingDays.after(late, 1, ZoneId.of("Asia/Tokyo"))).isEqualTo(at("2026-11-17T00:00:00+09:00"));
	}

	private static Instant at(String text) {
		return OffsetDateTime.parse(text).toInstant();
	}
}
