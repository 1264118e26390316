package dev.tandem.platform;

import java.util.UUID;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochGenerator;

/**
 * Creates the time-ordered (version 7) UUIDs that every Tandem record uses as its id.
 * <p>
 * Time order keeps B-tree inserts at the right edge of the index and makes ids usable as a stable
 * cursor for paging.
 */
public final class Ids {

	private static final TimeBasedEpochGenerator GENERATOR = Generators.timeBasedEpochGenerator();

	private Ids() {
	}

	public static UUID next() {
		return GENERATOR.generate();
	}
}
