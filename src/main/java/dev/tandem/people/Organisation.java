package dev.tandem.people;

import java.time.ZoneId;
import java.util.UUID;

/**
 * A tenant: its time zone, currency, default language and the month its fiscal year starts.
 */
public record Organisation(UUID id, String name, ZoneId timeZone, String currency, String locale,
		int fiscalYearStartMonth) {
}
