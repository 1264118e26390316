package dev.tandem.exchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.SpreadsheetCells;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an uploaded file into tables of text: CSV with any of the usual delimiters (detected), in
 * UTF-8 with or without a byte-order mark (or Windows-1252 when it is not UTF-8), with quoted fields;
 * XLSX (the first sheet), where formulas are never evaluated: a formula cell gives the value the
 * spreadsheet program last calculated, or its text when there is none; a ZIP of CSVs (a full export).
 * Cells that an export neutralised against formula injection are read back as they were.
 * <p>
 * Nothing else is taken ({@link #accept}): a file is refused unless its name says CSV ({@code .csv}, {@code .tsv},
 * {@code .txt}), XLSX or ZIP and its content is what the name says: CSV is text, not markup (an HTML page renamed
 * {@code .csv}) nor binary (a program, a PDF, an image); an XLSX or a ZIP is a ZIP archive. A ZIP entry whose name
 * leads outside the archive (an absolute path, {@code ..}, a control character) refuses the whole ZIP. Nothing is
 * ever written to disk: the tables are read from memory.
 */
final class SourceFiles {

	private static final char[] DELIMITERS = { ',', ';', '\t', '|' };
	private static final Set<String> TEXT_EXTENSIONS = Set.of("csv", "tsv", "txt");
	private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}\\u2028\\u2029]");
	private static final int MAX_NAME = 200;

	private SourceFiles() {
	}

	static String format(String fileName) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		if (lower.endsWith(".xlsx")) {
			return "XLSX";
		}
		if (lower.endsWith(".zip")) {
			return "ZIP";
		}
		return "CSV";
	}

	/**
	 * The name an upload is kept under: without the folders a browser or client may send ({@code C:\\Users\\...},
	 * {@code ../../}), without control characters, at most 200 characters.
	 */
	static String safeName(String fileName) {
		String base = fileName.replaceAll("^.*[/\\\\]", "");
		base = CONTROL.matcher(base).replaceAll("").strip();
		return base.length() <= MAX_NAME ? base : base.substring(base.length() - MAX_NAME);
	}

	/** Refuses, naming the rule, a file that is not CSV, XLSX or ZIP, or whose content is not what its name says. */
	static void accept(String fileName, byte[] content) {
		String lower = fileName.toLowerCase(Locale.ROOT);
		String extension = lower.contains(".") ? lower.substring(lower.lastIndexOf('.') + 1) : "";
		if (extension.equals("xlsx") || extension.equals("zip")) {
			if (!startsWith(content, 'P', 'K', 3, 4) && !startsWith(content, 'P', 'K', 5, 6)) {
				throw InvalidInputException.of("file", "exchange.file.not-archive", fileName, extension.toUpperCase(Locale.ROOT));
			}
			return;
		}
		if (!TEXT_EXTENSIONS.contains(extension)) {
			throw InvalidInputException.of("file", "exchange.file.format", fileName);
		}
		if (binary(content)) {
			throw InvalidInputException.of("file", "exchange.file.binary");
		}
		if (markup(content)) {
			throw InvalidInputException.of("file", "exchange.file.markup");
		}
	}

	/** A program, a PDF, an archive or an image, or anything with a NUL byte near its start: no CSV has one. */
	private static boolean binary(byte[] content) {
		if (startsWith(content, 'M', 'Z') || startsWith(content, '%', 'P', 'D', 'F') || startsWith(content, 'P', 'K', 3, 4)
				|| startsWith(content, 0x7F, 'E', 'L', 'F') || startsWith(content, 0x89, 'P', 'N', 'G') || startsWith(content, 0xFF, 0xD8)
				|| startsWith(content, 'G', 'I', 'F', '8') || startsWith(content, 0xD0, 0xCF, 0x11, 0xE0)) {
			return true;
		}
		for (int i = 0; i < Math.min(content.length, 8192); i++) {
			if (content[i] == 0) {
				return true;
			}
		}
		return false;
	}

	/** HTML, SVG or any XML: a CSV's first header never starts with {@code <}. */
	private static boolean markup(byte[] content) {
		String start = text(Arrays.copyOf(content, Math.min(content.length, 1024))).stripLeading();
		return start.startsWith("<");
	}

	private static boolean startsWith(byte[] content, int... magic) {
		if (content.length < magic.length) {
			return false;
		}
		for (int i = 0; i < magic.length; i++) {
			if ((content[i] & 0xFF) != magic[i]) {
				return false;
			}
		}
		return true;
	}

	/** The tables of a file; a file beyond the limits (rows in a table, a ZIP's unpacked size) is refused with the limit named. */
	static List<Table> read(String fileName, byte[] content, ImportLimits limits) {
		return switch (format(fileName)) {
			case "XLSX" -> List.of(xlsx(fileName, content, limits.maxRows()));
			case "ZIP" -> zip(content, limits);
			default -> List.of(csv(fileName, text(content), limits.maxRows()));
		};
	}

	static String text(byte[] content) {
		int start = content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF ? 3 : 0;
		ByteBuffer bytes = ByteBuffer.wrap(content, start, content.length - start);
		try {
			return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT).decode(bytes).toString();
		}
		catch (CharacterCodingException ex) {
			return new String(content, start, content.length - start, Charset.forName("windows-1252"));
		}
	}

	/** The delimiter that splits the first lines into the same number of fields, most often. */
	static char delimiter(String text) {
		List<String> lines = text.lines().filter(l -> !l.isBlank()).limit(20).toList();
		char best = ',';
		int bestScore = -1;
		for (char candidate : DELIMITERS) {
			int header = count(lines.isEmpty() ? "" : lines.get(0), candidate);
			if (header == 0) {
				continue;
			}
			int consistent = (int) lines.stream().filter(l -> count(l, candidate) == header).count();
			int score = consistent * 1000 + header;
			if (score > bestScore) {
				best = candidate;
				bestScore = score;
			}
		}
		return best;
	}

	private static int count(String line, char delimiter) {
		int n = 0;
		boolean quoted = false;
		for (int i = 0; i < line.length(); i++) {
			char c = line.charAt(i);
			if (c == '"') {
				quoted = !quoted;
			}
			else if (c == delimiter && !quoted) {
				n++;
			}
		}
		return n;
	}

	static Table csv(String name, String text, int maxRows) {
		CSVFormat format = CSVFormat.RFC4180.builder().setDelimiter(delimiter(text)).setIgnoreEmptyLines(true).get();
		List<String> headers = new ArrayList<>();
		List<List<String>> rows = new ArrayList<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
			for (CSVRecord record : parser) {
				List<String> values = new ArrayList<>(record.size());
				record.forEach(v -> values.add(SpreadsheetCells.restore(v)));
				if (headers.isEmpty()) {
					values.forEach(v -> headers.add(v.trim()));
					continue;
				}
				if (values.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (rows.size() == maxRows) {
					throw InvalidInputException.of("file", "exchange.file.too-many-rows", maxRows);
				}
				rows.add(values);
			}
		}
		catch (IOException | java.io.UncheckedIOException | IllegalStateException ex) {
			throw InvalidInputException.of("file", "exchange.file.unreadable", ex.getMessage());
		}
		if (headers.isEmpty()) {
			throw InvalidInputException.of("file", "exchange.file.empty");
		}
		return new Table(name, headers, rows);
	}

	private static Table xlsx(String name, byte[] content, int maxRows) {
		try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = workbook.getSheetAt(0);
			List<String> headers = new ArrayList<>();
			List<List<String>> rows = new ArrayList<>();
			for (Row row : sheet) {
				List<String> values = new ArrayList<>();
				for (int c = 0; c < Math.max(row.getLastCellNum(), headers.size()); c++) {
					values.add(SpreadsheetCells.restore(text(row.getCell(c))));
				}
				if (headers.isEmpty()) {
					values.forEach(v -> headers.add(v.trim()));
					continue;
				}
				if (values.stream().allMatch(String::isBlank)) {
					continue;
				}
				if (rows.size() == maxRows) {
					throw InvalidInputException.of("file", "exchange.file.too-many-rows", maxRows);
				}
				rows.add(values);
			}
			if (headers.isEmpty()) {
				throw InvalidInputException.of("file", "exchange.file.empty");
			}
			return new Table(name + " · " + sheet.getSheetName(), headers, rows);
		}
		catch (IOException | RuntimeException ex) {
			if (ex instanceof InvalidInputException invalid) {
				throw invalid;
			}
			throw InvalidInputException.of("file", "exchange.file.unreadable", String.valueOf(ex.getMessage()));
		}
	}

	/** A cell as text; a formula cell as its cached result, never evaluated. */
	static String text(Cell cell) {
		if (cell == null) {
			return "";
		}
		CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
		return switch (type) {
			case STRING -> cell.getStringCellValue();
			case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
			case NUMERIC -> number(cell);
			case ERROR, _NONE -> cell.getCellType() == CellType.FORMULA ? "=" + cell.getCellFormula() : "";
			default -> "";
		};
	}

	private static String number(Cell cell) {
		if (DateUtil.isCellDateFormatted(cell)) {
			LocalDateTime when = cell.getLocalDateTimeCellValue();
			return when.toLocalTime().equals(LocalTime.MIDNIGHT) ? when.toLocalDate().toString() : when.toString();
		}
		return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
	}

	private static List<Table> zip(byte[] content, ImportLimits limits) {
		List<Table> tables = new ArrayList<>();
		Unpacked unpacked = new Unpacked(content.length, limits);
		try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
			ZipEntry entry;
			int entries = 0;
			while ((entry = zip.getNextEntry()) != null) {
				if (++entries > limits.maxEntries()) {
					throw InvalidInputException.of("file", "exchange.file.zip-entries", limits.maxEntries());
				}
				if (leadsOutside(entry.getName())) {
					throw InvalidInputException.of("file", "exchange.file.zip-entry-name", CONTROL.matcher(entry.getName()).replaceAll("?"));
				}
				// Tandem's export files, and any other CSV (read by its columns); not the folders and dot files archivers add.
				String base = entry.getName().replaceAll("^.*/", "");
				if (!entry.isDirectory() && base.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") && !base.startsWith(".")
						&& !entry.getName().startsWith("__MACOSX/")) {
					tables.add(csv(entry.getName().replaceAll("^.*/", ""), text(unpacked.read(zip)), limits.maxRows()));
				}
			}
		}
		catch (IOException ex) {
			throw InvalidInputException.of("file", "exchange.file.unreadable", ex.getMessage());
		}
		if (tables.isEmpty()) {
			throw InvalidInputException.of("file", "exchange.file.no-export");
		}
		return tables;
	}

	/** An absolute path, a drive, a {@code ..} segment or a control character: a name no export holds. */
	static boolean leadsOutside(String name) {
		if (CONTROL.matcher(name).find() || name.startsWith("/") || name.startsWith("\\") || name.matches("^[A-Za-z]:.*")) {
			return true;
		}
		return Arrays.asList(name.split("[/\\\\]")).contains("..");
	}

	/**
	 * What a ZIP's entries unpack to, counted as they are read so a ZIP bomb is refused after at most the limit, not
	 * after it has filled the memory: in all no more than the unpacked-size limit, and no more than the compression
	 * ratio times the ZIP's own size.
	 */
	private static final class Unpacked {

		private final long limit;
		private final long ratioLimit;
		private final ImportLimits limits;
		private long total;

		Unpacked(long packedSize, ImportLimits limits) {
			this.limits = limits;
			this.limit = limits.maxUnpackedSize().toBytes();
			this.ratioLimit = Math.max(1L, packedSize) * limits.maxCompressionRatio();
		}

		byte[] read(InputStream entry) throws IOException {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			int n;
			while ((n = entry.read(buffer)) > 0) {
				total += n;
				if (total > limit) {
					throw InvalidInputException.of("file", "exchange.file.zip-too-large", limits.maxUnpackedSize().toMegabytes());
				}
				if (total > ratioLimit) {
					throw InvalidInputException.of("file", "exchange.file.zip-ratio", limits.maxCompressionRatio());
				}
				out.write(buffer, 0, n);
			}
			return out.toByteArray();
		}
	}
}
