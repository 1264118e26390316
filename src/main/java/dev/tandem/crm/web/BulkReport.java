package dev.tandem.crm.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import dev.tandem.crm.Deal;
import dev.tandem.crm.DealBulkEdit;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A bulk edit's answer in the user's language, for the page and the API alike: per deal its outcome and the reasons,
 * the gate's missing items first, then the rules the change broke, or who changed it in the meantime.
 */
@Component
class BulkReport {

	private final MissingText missingText;
	private final MessageSource messages;

	BulkReport(MissingText missingText, MessageSource messages) {
		this.missingText = missingText;
		this.messages = messages;
	}

	Report of(List<DealBulkEdit.Result> results, Locale locale) {
		List<Line> lines = new ArrayList<>();
		for (DealBulkEdit.Result result : results) {
			List<String> reasons = new ArrayList<>(missingText.all(result.missing(), locale));
			result.problems().forEach(p -> {
				String rule = messages.getMessage(p.messageKey(), p.arguments(), p.messageKey(), locale);
				String field = messages.getMessage("bulk.field." + p.field(), null, null, locale);
				reasons.add(field == null ? rule : field + ": " + rule);
			});
			if (result.outcome() == DealBulkEdit.Outcome.CONFLICT) {
				reasons.add(messages.getMessage("problem.conflict.detail",
						new Object[] { result.changedBy() == null ? "?" : result.changedBy() }, locale));
			}
			Deal deal = result.deal();
			lines.add(new Line(result.id(), result.outcome(), deal == null ? null : deal.title(),
					deal == null ? null : deal.version(), reasons, deal));
		}
		return new Report(lines, count(lines, DealBulkEdit.Outcome.UPDATED), count(lines, DealBulkEdit.Outcome.REFUSED),
				count(lines, DealBulkEdit.Outcome.CONFLICT));
	}

	private static int count(List<Line> lines, DealBulkEdit.Outcome outcome) {
		return (int) lines.stream().filter(l -> l.outcome() == outcome).count();
	}

	/** The whole answer, with how many deals went each way. */
	record Report(List<Line> results, int updated, int refused, int conflicts) {
	}

	/** One deal: its title and current version when the user may see it, and why it did not change. */
	record Line(UUID id, DealBulkEdit.Outcome outcome, @Nullable String title, @Nullable Integer version, List<String> reasons,
			@Nullable Deal deal) {
	}
}
