package dev.tandem.exchange;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * What a dry run found: the rows read, per kind how many records would be created, updated and
 * skipped, every row that would fail (row number as a spreadsheet shows it, column, value and the
 * rule, as a message key with arguments so each reader sees it in their language), the source values
 * that match nothing yet, the new values the import would create, and the choices the file leaves
 * open (how to read its dates or amounts), and notes on what the run does beyond its counts ({@code notes}: memberships
 * added or moved, people reactivated, deals that would fall outside every team of their owner). When the admin chose
 * to skip the rows that would fail, those rows are {@code skippedRows} (with their cells and reasons), counted as
 * skipped instead of as problems.
 */
public record ImportReport(int rows, List<Count> counts, List<RowProblem> problems, int problemsTotal,
		List<Unmatched> unmatched, List<Unmatched> newValues, List<String> decisions, List<SkippedRow> skippedRows,
		List<Unmatched> notes) {

	/** At most this many problems are kept in a report; the total is counted anyway. */
	public static final int MAX_PROBLEMS = 10_000;

	public ImportReport {
		// Reports stored before rows could be skipped have none.
		skippedRows = skippedRows == null ? List.of() : List.copyOf(skippedRows);
		// Nor notes, those stored before notes were kept.
		notes = notes == null ? List.of() : notes;
	}

	/** The same report with these rows skipped, each counted as a skipped record of the kind. */
	ImportReport skipping(EntityKind kind, List<SkippedRow> skipped) {
		if (skipped.isEmpty()) {
			return this;
		}
		List<Count> changed = new java.util.ArrayList<>(counts.stream().filter(c -> c.kind() != kind).toList());
		Count count = counts.stream().filter(c -> c.kind() == kind).findFirst().orElse(new Count(kind, 0, 0, 0));
		changed.add(counts.indexOf(count) < 0 ? changed.size() : counts.indexOf(count),
				new Count(kind, count.created(), count.updated(), count.skipped() + skipped.size()));
		return new ImportReport(rows, changed, problems, problemsTotal, unmatched, newValues, decisions, skipped, notes);
	}

	/** Whether the import may run: nothing fails, every value is mapped and every choice is made. */
	public boolean ready() {
		return problemsTotal == 0 && unmatched.isEmpty() && decisions.isEmpty();
	}

	public int toCreate() {
		return counts.stream().mapToInt(Count::created).sum();
	}

	public int toUpdate() {
		return counts.stream().mapToInt(Count::updated).sum();
	}

	public int toSkip() {
		return counts.stream().mapToInt(Count::skipped).sum();
	}

	public record Count(EntityKind kind, int created, int updated, int skipped) {
	}

	/** A row that would fail: where ({@code sheet}, {@code row}, {@code column}), what ({@code value}) and why ({@code rule}). */
	public record RowProblem(String sheet, int row, @Nullable String column, @Nullable String value, String rule,
			List<String> arguments) {
	}

	/**
	 * A source value of a category ({@code stage}, {@code owner}, {@code type}, {@code source}, {@code leadStatus},
	 * {@code status}, {@code role}, {@code sector}, {@code account}) and on how many rows it stands.
	 */
	public record Unmatched(String category, String value, int rows) {
	}

	/** A row left out because it would fail: where it stands, its cells as the file has them, and every reason. */
	public record SkippedRow(String sheet, int row, List<String> cells, List<RowProblem> reasons) {
	}
}
