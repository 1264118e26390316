package dev.tandem.platform;

import java.util.List;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A validated request for one page of a list: {@code limit} (default 50, at most 500) and the
 * opaque {@code cursor} of the previous page.
 */
public record ListRequest(int limit, @Nullable UUID after) {

	public static final int DEFAULT_LIMIT = 50;
	public static final int MAX_LIMIT = 500;

	public static ListRequest of(@Nullable Integer limit, @Nullable String cursor) {
		int effective = limit == null ? DEFAULT_LIMIT : limit;
		if (effective < 1 || effective > MAX_LIMIT) {
			throw new InvalidInputException(List.of(new FieldProblem("limit", "validation.limit.range", 1, MAX_LIMIT)));
		}
		UUID after = null;
		if (cursor != null && !cursor.isBlank()) {
			try {
				after = UUID.fromString(Cursor.decode(cursor));
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidInputException(List.of(new FieldProblem("cursor", "validation.cursor.invalid")));
			}
		}
		return new ListRequest(effective, after);
	}

	/** The number of rows to fetch: one more than the limit, to learn whether a next page exists. */
	public int fetchSize() {
		return limit + 1;
	}
}
