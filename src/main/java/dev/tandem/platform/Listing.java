package dev.tandem.platform;

import java.util.List;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * The one envelope every list in the API answers with: a page of items, the total number of
 * matching items, and the cursor to pass for the next page ({@code null} on the last page).
 */
public record Listing<T>(List<T> items, long total, @Nullable String nextCursor) {

	/**
	 * Builds the envelope from a page that was fetched with one row more than the limit, which
	 * tells whether a next page exists without a second query.
	 */
	public static <T> Listing<T> of(List<T> rowsPlusOne, long total, ListRequest request, Function<T, ?> cursorKey) {
		if (rowsPlusOne.size() <= request.limit()) {
			return new Listing<>(rowsPlusOne, total, null);
		}
		List<T> page = rowsPlusOne.subList(0, request.limit());
		return new Listing<>(List.copyOf(page), total, Cursor.encode(String.valueOf(cursorKey.apply(page.get(page.size() - 1)))));
	}

	/** A whole list in one page, for the lists that are never long enough to page (a deal's history, the pipelines). */
	public static <T> Listing<T> all(List<T> items) {
		return new Listing<>(List.copyOf(items), items.size(), null);
	}

	public <R> Listing<R> map(Function<T, R> mapper) {
		return new Listing<>(items.stream().map(mapper).toList(), total, nextCursor);
	}
}
