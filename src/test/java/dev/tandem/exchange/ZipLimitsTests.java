package dev.tandem.exchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A ZIP is read within its limits: the number of entries, what they unpack to in all, and the compression ratio; and
 * only when no entry's name leads outside the archive.
 */
class ZipLimitsTests {

	private static final ImportLimits LIMITS = new ImportLimits(DataSize.ofMegabytes(20), 200_000, DataSize.ofMegabytes(1), 3, 100);

	@Test
	void anExportWithinTheLimitsIsRead() throws IOException {
		byte[] zip = zip(List.of("accounts.csv", "contacts.csv"), "Name\nAcme\nGlobex\n");
		List<Table> tables = SourceFiles.read("export.zip", zip, LIMITS);
		assertThat(tables).hasSize(2);
	}

	@Test
	void tooManyEntriesAreRefusedWithTheLimitNamed() throws IOException {
		byte[] zip = zip(List.of("accounts.csv", "contacts.csv", "deals.csv", "leads.csv"), "Name\nAcme\n");
		assertThat(problem(zip)).satisfies(p -> {
			assertThat(p.messageKey()).isEqualTo("exchange.file.zip-entries");
			assertThat(p.arguments()).containsExactly(3);
		});
	}

	@Test
	void moreThanTheUnpackedLimitInAllIsRefused() throws IOException {
		// Two entries of 600 kB of varied text each: each alone fits, together they pass 1 MB; ratio stays low.
		StringBuilder text = new StringBuilder("Name\n");
		java.util.Random random = new java.util.Random(7);
		while (text.length() < 600_000) {
			text.append(Long.toString(random.nextLong(), 36)).append('\n');
		}
		byte[] zip = zip(List.of("accounts.csv", "contacts.csv"), text.toString());
		assertThat(problem(zip)).satisfies(p -> {
			assertThat(p.messageKey()).isEqualTo("exchange.file.zip-too-large");
			assertThat(p.arguments()).containsExactly(1L);
		});
	}

	@Test
	void aRatioAboveTheLimitIsRefused() throws IOException {
		byte[] zip = zip(List.of("accounts.csv"), "Name\n" + "a".repeat(900_000));
		assertThat(zip.length * 100L).isLessThan(900_000);
		assertThat(problem(zip).messageKey()).isEqualTo("exchange.file.zip-ratio");
	}

	@Test
	void anEntryInAFolderIsRead() throws IOException {
		assertThat(SourceFiles.read("export.zip", zip(List.of("export/accounts.csv"), "Name\nAcme\n"), LIMITS)).hasSize(1);
	}

	@Test
	void anEntryWhoseNameLeadsOutsideTheArchiveIsRefusedWithTheNameShownWithoutControlCharacters() throws IOException {
		for (String name : List.of("../accounts.csv", "/accounts.csv", "..\\accounts.csv", "\\server\\accounts.csv", "D:accounts.csv",
				"a/../../accounts.csv", "accounts.csv\u0000.txt", "accounts\n.csv")) {
			FieldProblem problem = problem(zip(List.of(name), "Name\nAcme\n"));
			assertThat(problem.messageKey()).as(name).isEqualTo("exchange.file.zip-entry-name");
			assertThat((String) problem.arguments()[0]).as(name).doesNotContain("\u0000").doesNotContain("\n");
		}
	}

	private static FieldProblem problem(byte[] zip) {
		InvalidInputException refused = catchThrowableOfType(InvalidInputException.class, () -> SourceFiles.read("export.zip", zip, LIMITS));
		assertThat(refused).isNotNull();
		assertThat(refused.problems()).hasSize(1);
		assertThat(refused.problems().get(0).field()).isEqualTo("file");
		return refused.problems().get(0);
	}

	private static byte[] zip(List<String> names, String content) throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (String name : names) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(content.getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		return bytes.toByteArray();
	}
}
