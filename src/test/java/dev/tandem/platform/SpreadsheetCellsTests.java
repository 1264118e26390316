package dev.tandem.platform;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Formula-looking text is neutralised with one apostrophe and restored exactly, however many
 * apostrophes it already had.
 */
class SpreadsheetCellsTests {

	@Test
	void neutralisesEveryCharacterASpreadsheetStartsAFormulaWith() {
		assertThat(SpreadsheetCells.neutralise("=1+1")).isEqualTo("'=1+1");
		assertThat(SpreadsheetCells.neutralise("+31 20")).isEqualTo("'+31 20");
		assertThat(SpreadsheetCells.neutralise("-5")).isEqualTo("'-5");
		assertThat(SpreadsheetCells.neutralise("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(SpreadsheetCells.neutralise("\tx")).isEqualTo("'\tx");
		assertThat(SpreadsheetCells.neutralise("\rx")).isEqualTo("'\rx");
		assertThat(SpreadsheetCells.neutralise("Acme")).isEqualTo("Acme");
		assertThat(SpreadsheetCells.neutralise("'quoted")).isEqualTo("'quoted");
		assertThat(SpreadsheetCells.neutralise("'=x")).isEqualTo("''=x");
	}

	@Test
	void restoringANeutralisedCellGivesTheOriginalBack() {
		for (String text : List.of("=1+1", "+31", "-5", "@x", "\tx", "\rx", "'=x", "''=x", "'plain", "plain", "", "'", "=")) {
			assertThat(SpreadsheetCells.restore(SpreadsheetCells.neutralise(text))).as(text).isEqualTo(text);
		}
	}
}
