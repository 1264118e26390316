package dev.tandem.forecast;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.tandem.forecast.persistence.ForecastQueries;
import org.springframework.stereotype.Component;

/**
 * The win model of each organisation, learned from the deals closed in the eighteen months before a moment and
 * the stays of the year before it; kept for ten minutes, since history changes slowly.
 */
@Component
class WinModels {

	private static final Duration KEEP = Duration.ofMinutes(10);

	private final ForecastQueries queries;
	private final Clock clock;
	private final Map<UUID, Learned> cache = new ConcurrentHashMap<>();

	WinModels(ForecastQueries queries, Clock clock) {
		this.queries = queries;
		this.clock = clock;
	}

	private record Learned(WinModel model, Instant at) {
	}

	/** The model as of now. */
	WinModel current(UUID orgId) {
		Instant now = clock.instant();
		Learned learned = cache.get(orgId);
		if (learned == null || learned.at().plus(KEEP).isBefore(now)) {
			learned = new Learned(asOf(orgId, now), now);
			cache.put(orgId, learned);
		}
		return learned.model();
	}

	/** The model as it could have been learned at {@code at}, from what had happened before. */
	WinModel asOf(UUID orgId, Instant at) {
		return new WinModel(queries.closed(orgId, at.minus(548, ChronoUnit.DAYS), at),
				WinModel.usualStays(queries.stays(orgId, at.minus(365, ChronoUnit.DAYS), at)));
	}
}
