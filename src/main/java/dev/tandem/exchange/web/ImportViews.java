package dev.tandem.exchange.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.exchange.EntityKind;
import dev.tandem.exchange.ImportJob;
import dev.tandem.exchange.ImportReport;
import dev.tandem.exchange.ImportSettings;
import dev.tandem.exchange.ImportStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns imports into what the API answers and the pages show, with every rule and field name in the
 * reader's language.
 */
@Component
class ImportViews {

	private final MessageSource messages;

	ImportViews(MessageSource messages) {
		this.messages = messages;
	}

	ImportView of(ImportJob job, Locale locale) {
		ImportReport report = job.report();
		return new ImportView(job.id(), job.kind(), job.fileName(), job.fileFormat(), job.fileSize(), job.status(), job.percent(),
				job.rowsTotal(), job.rowsDone(), job.created(), job.updated(), job.skipped(),
				job.error() == null ? null : text(job.error(), locale), job.createdByName(), job.createdAt(), job.finishedAt(),
				job.undoneAt(), job.version(), job.settings(), job.headers(),
				job.kind().fields().stream().map(f -> new FieldView(f.key(), f.required(), text("exchange.field." + f.key(), locale))).toList(),
				report == null ? null : report(report, locale), job.undoSummary(),
				job.undoSummary().isEmpty() ? null : undone(job.undoSummary(), locale));
	}

	ReportView report(ImportReport report, Locale locale) {
		return new ReportView(report.ready(), report.rows(), report.toCreate(), report.toUpdate(), report.toSkip(), report.counts(),
				report.skippedRows().size(), report.problemsTotal(),
				report.problems().stream().map(p -> new ProblemView(p.sheet(), p.row(), p.column(), p.value(), p.rule(),
						text(p.rule(), locale, p.arguments().toArray()))).toList(),
				report.unmatched(), report.newValues(),
				report.decisions().stream().map(d -> new DecisionView(d, text("exchange.decision." + d, locale))).toList(),
				report.notes().stream().map(n -> new NoteView(n.category(), n.value(), n.rows(),
						text("imports.note." + n.category(), locale, n.rows(), n.value()))).toList());
	}

	/** What an undo took back, in one sentence: what it removed and what it only deactivated. */
	String undone(java.util.Map<String, Integer> summary, Locale locale) {
		return text("imports.undone", locale, summary.getOrDefault("removed", 0), summary.getOrDefault("restored", 0),
				summary.getOrDefault("membershipsRemoved", 0), summary.getOrDefault("membershipsMoved", 0),
				summary.getOrDefault("deactivated", 0));
	}

	String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, key, locale);
	}

	/** An import as the API answers it. */
	record ImportView(UUID id, EntityKind kind, String fileName, String fileFormat, long fileSize, ImportStatus status, int percent,
			int rowsTotal, int rowsDone, int created, int updated, int skipped, @Nullable String error, String createdBy,
			Instant createdAt, @Nullable Instant finishedAt, @Nullable Instant undoneAt, int version, ImportSettings settings,
			List<String> headers, List<FieldView> fields, @Nullable ReportView report, java.util.Map<String, Integer> undone,
			@Nullable String undoneMessage) {
	}

	record FieldView(String key, boolean required, String label) {
	}

	/** {@code skippedRows}: how many rows that would fail are left out, at the admin's choice; {@code skipped.csv} lists them. */
	record ReportView(boolean ready, int rows, int created, int updated, int skipped, List<ImportReport.Count> counts,
			int skippedRows, int problemsTotal, List<ProblemView> problems, List<ImportReport.Unmatched> unmatched,
			List<ImportReport.Unmatched> newValues, List<DecisionView> decisions, List<NoteView> notes) {
	}

	/** What the run does beyond its counts, such as memberships it moves or people it reactivates, in the reader's words. */
	record NoteView(String category, String value, int rows, String message) {
	}

	record ProblemView(String sheet, int row, @Nullable String column, @Nullable String value, String rule, String message) {
	}

	record DecisionView(String field, String message) {
	}
}
