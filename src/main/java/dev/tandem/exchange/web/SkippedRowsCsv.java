package dev.tandem.exchange.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.tandem.exchange.ImportJob;
import dev.tandem.exchange.ImportReport;
import dev.tandem.platform.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * The rows an import skipped (or, before it runs, would skip) as {@code skipped.csv}: the file's own columns, then a
 * {@code reason} column naming each refused column and rule in the reader's language. Text a spreadsheet would run as
 * a formula is neutralised, as in the export.
 */
@Component
class SkippedRowsCsv {

	private final ImportViews views;

	SkippedRowsCsv(ImportViews views) {
		this.views = views;
	}

	void write(ImportJob job, Locale locale, HttpServletResponse response) throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"skipped.csv\"");
		List<String> header = new ArrayList<>(job.headers());
		header.add("reason");
		Writer writer = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
		List<ImportReport.SkippedRow> rows = job.report() == null ? List.of() : job.report().skippedRows();
		for (ImportReport.SkippedRow row : rows) {
			List<String> cells = new ArrayList<>();
			for (int i = 0; i < job.headers().size(); i++) {
				cells.add(SpreadsheetCells.neutralise(i < row.cells().size() ? row.cells().get(i) : ""));
			}
			cells.add(SpreadsheetCells.neutralise(reason(row, locale)));
			printer.printRecord(cells);
		}
		printer.flush();
	}

	private String reason(ImportReport.SkippedRow row, Locale locale) {
		return row.reasons().stream()
			.map(p -> (p.column() == null ? "" : p.column() + ": ") + views.text(p.rule(), locale, p.arguments().toArray()))
			.collect(Collectors.joining("; "));
	}
}
