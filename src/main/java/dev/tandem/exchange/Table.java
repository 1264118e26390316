package dev.tandem.exchange;

import java.util.List;

/**
 * One sheet of an uploaded file as text: its name (the file, the sheet or the ZIP entry), the header
 * row and the data rows. Row {@code i} of {@link #rows()} is line {@code i + 2} of the sheet, as a
 * spreadsheet numbers it (the header is line 1).
 */
record Table(String name, List<String> headers, List<List<String>> rows) {

	/** The spreadsheet line number of a data row. */
	static int line(int index) {
		return index + 2;
	}

	String cell(int row, int column) {
		List<String> values = rows.get(row);
		return column < values.size() ? values.get(column) : "";
	}
}
