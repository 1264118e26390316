package dev.tandem.demo;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The one source of chance for the demo history: a fixed seed, so every first start tells the same
 * story. Also makes time-ordered (version 7) ids stamped with the moment a record was created in the
 * story, so ordering by id is ordering by creation, as it is for records made live.
 */
final class DemoRandom {

	private final Random random;

	DemoRandom(long seed) {
		this.random = new Random(seed);
	}

	double uniform() {
		return random.nextDouble();
	}

	double between(double min, double max) {
		return min + random.nextDouble() * (max - min);
	}

	int between(int min, int maxInclusive) {
		return min + random.nextInt(maxInclusive - min + 1);
	}

	boolean chance(double probability) {
		return random.nextDouble() < probability;
	}

	<T> T pick(List<T> items) {
		return items.get(random.nextInt(items.size()));
	}

	/** A Poisson-distributed count with the given mean (Knuth's method; the means here are small). */
	int poisson(double mean) {
		if (mean <= 0) {
			return 0;
		}
		double limit = Math.exp(-mean);
		double product = random.nextDouble();
		int count = 0;
		while (product > limit) {
			product *= random.nextDouble();
			count++;
		}
		return count;
	}

	/** A version 7 UUID whose time part is {@code createdAt}. */
	UUID idAt(Instant createdAt) {
		long millis = createdAt.toEpochMilli();
		long high = (millis << 16) | 0x7000L | random.nextInt(1 << 12);
		long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
		return new UUID(high, low);
	}
}
