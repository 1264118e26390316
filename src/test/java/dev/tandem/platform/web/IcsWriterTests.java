package dev.tandem.platform.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The iCalendar writer: CRLF line ends, folding at 75 octets counted in UTF-8 (never inside a character), and the
 * escaping of TEXT values.
 */
class IcsWriterTests {

	@Test
	void escapesBackslashSemicolonCommaAndLineBreaks() {
		assertThat(IcsWriter.escape("a\\b;c,d\ne\r\nf\rg")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf\\ng");
		assertThat(IcsWriter.escape("tab\tkept, bell\u0007 gone")).isEqualTo("tab\tkept\\, bell  gone");
	}

	@Test
	void foldsAsciiAfterSeventyFiveOctetsWithALeadingSpace() {
		String line = "SUMMARY:" + "x".repeat(67 + 74 + 10);
		String folded = IcsWriter.fold(line);
		String[] parts = folded.split("\r\n", -1);
		assertThat(parts).hasSize(3);
		assertThat(parts[0]).hasSize(75).startsWith("SUMMARY:");
		assertThat(parts[1]).hasSize(75).startsWith(" x");
		assertThat(parts[2]).isEqualTo(" " + "x".repeat(10));
		assertThat(folded.replace("\r\n ", "")).isEqualTo(line);
	}

	@Test
	void neverSplitsAMultiByteCharacter() {
		// 8 octets of name, then 'é' of 2 octets each: 33 fit in the first line (74 octets), the 34th would make 76.
		String line = "SUMMARY:" + "é".repeat(40);
		String[] parts = IcsWriter.fold(line).split("\r\n", -1);
		assertThat(parts[0].getBytes(StandardCharsets.UTF_8)).hasSize(74);
		assertThat(parts[0]).isEqualTo("SUMMARY:" + "é".repeat(33));
		assertThat(parts[1]).isEqualTo(" " + "é".repeat(7));
		// A character outside the BMP (4 octets, two chars in Java) stays whole too.
		String emoji = "X:" + "a".repeat(71) + "\uD83D\uDE00";
		assertThat(IcsWriter.fold(emoji)).isEqualTo("X:" + "a".repeat(71) + "\r\n \uD83D\uDE00");
	}

	@Test
	void writesUtcTimesDatesAndCrlfLines() {
		String ics = new IcsWriter().begin("VEVENT")
			.time("DTSTART", Instant.parse("2026-11-20T16:00:00Z"))
			.date("DTSTART", LocalDate.of(2026, 11, 30))
			.text("SUMMARY", "Demo, part 1; bring cables")
			.end("VEVENT").toString();
		assertThat(ics).isEqualTo("BEGIN:VEVENT\r\nDTSTART:20261120T160000Z\r\nDTSTART;VALUE=DATE:20261130\r\n"
				+ "SUMMARY:Demo\\, part 1\\; bring cables\r\nEND:VEVENT\r\n");
	}
}
