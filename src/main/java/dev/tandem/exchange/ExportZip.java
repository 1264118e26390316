package dev.tandem.exchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.platform.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jspecify.annotations.Nullable;

/**
 * The ZIP of a full export as it is written: one CSV per kind, UTF-8 with a byte order mark so spreadsheets read the
 * accents, text a spreadsheet would run as a formula neutralised, amounts without exponent, nothing as an empty cell.
 */
final class ExportZip {

	private final ZipOutputStream zip;

	ExportZip(OutputStream out) {
		this.zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
	}

	/** Writes one kind's CSV; its header is the kind's field names an import reads. */
	void entry(EntityKind kind, List<String> header, List<List<Object>> rows) throws IOException {
		zip.putNextEntry(new ZipEntry(kind.fileName() + ".csv"));
		Writer writer = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
		writer.write('\uFEFF');
		CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
		for (List<Object> row : rows) {
			printer.printRecord(row);
		}
		printer.flush();
		zip.closeEntry();
	}

	void finish() throws IOException {
		zip.finish();
	}

	static List<Object> row(@Nullable Object... values) {
		List<Object> row = new ArrayList<>(values.length);
		for (Object value : values) {
			row.add(value == null ? "" : value instanceof String text ? SpreadsheetCells.neutralise(text)
					: value instanceof BigDecimal amount ? amount.toPlainString() : value.toString());
		}
		return row;
	}

	/** Ids joined by {@code ;}, each as its name where names are given. */
	static String join(Collection<UUID> ids, @Nullable Map<UUID, String> names) {
		return ids.stream().map(id -> names == null ? id.toString() : names.get(id)).collect(Collectors.joining(";"));
	}
}
