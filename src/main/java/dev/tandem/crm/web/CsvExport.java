package dev.tandem.crm.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.tandem.platform.SpreadsheetCells;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.stereotype.Component;

/**
 * Writes a list as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read accents
 * right). Text that a spreadsheet would run as a formula is
 * neutralised by {@link SpreadsheetCells}.
 */
@Component
class CsvExport {

	/** The most rows one export gives; the filters narrow a bigger list. */
	static final int MAX_ROWS = 50_000;

	void write(HttpServletResponse response, String name, List<String> header, List<List<Object>> rows) throws IOException {
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
