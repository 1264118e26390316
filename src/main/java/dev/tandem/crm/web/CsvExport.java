package dev.tandem.crm.web;

import java.io.IOException;
import java.util.List;

import dev.tandem.platform.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/**
 * Writes a CRM list as CSV through {@link CsvDownload}, at most {@link #MAX_ROWS} rows.
 */
@Component
class CsvExport {

	/** The most rows one export gives; the filters narrow a bigger list. */
	static final int MAX_ROWS = 50_000;

	void write(HttpServletResponse response, String name, List<String> header, List<List<Object>> rows) throws IOException {
		CsvDownload.write(response, name, header, rows);
	}
}
