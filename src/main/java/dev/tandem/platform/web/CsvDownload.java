package dev.tandem.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.tandem.platform.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Answers a list as a CSV download (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents
 * right); text that a spreadsheet would run as a formula is neutralised by {@link SpreadsheetCells}.
 */
public final class CsvDownload {

	private CsvDownload() {
	}

	public static void write(HttpServletResponse response, String name, List<String> header, List<List<Object>> rows)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		Writer writer = response.getWriter();
		writer.write('\uFEFF');
		try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
			for (List<Object> row : rows) {
				printer.printRecord(row.stream().map(SpreadsheetCells::neutralise).toList());
			}
		}
	}
}
