package dev.tandem.insight.web;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

import dev.tandem.insight.DrillDown;
import dev.tandem.platform.web.CsvDownload;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;

/**
 * The records behind a number as CSV: every record the drill-down pages through, chosen with the same visibility.
 */
final class DrillDownCsv {

	private DrillDownCsv() {
	}

	static void write(HttpServletResponse response, DrillDown.What what, DrillDown.Records records) throws IOException {
		String name = "records-" + what.name().toLowerCase(Locale.ROOT).replace('_', '-');
		if (records.deals() != null) {
			CsvDownload.write(response, name, List.of("id", "title", "account", "owner", "stage", "status", "amount", "closeDate",
					"createdAt"), records.deals().stream().map(d -> List.<Object>of(d.id(), d.title(), str(d.accountName()),
							d.ownerName(), d.stageName(), d.status(), str(d.amount()), str(d.closeDate()), d.createdAt())).toList());
		}
		else if (records.activities() != null) {
			CsvDownload.write(response, name, List.of("id", "type", "subject", "owner", "occurredAt", "deal", "account"),
					records.activities().stream().map(a -> List.<Object>of(a.id(), a.type(), a.subject(), a.ownerName(),
							a.occurredAt(), str(a.dealTitle()), str(a.accountName()))).toList());
		}
		else if (records.leads() != null) {
			CsvDownload.write(response, name, List.of("id", "person", "company", "source", "status", "owner", "receivedAt",
					"qualifiedAt"), records.leads().stream().map(l -> List.<Object>of(l.id(), l.personName(), l.company(), l.source(),
							l.status(), l.ownerName(), l.createdAt(), str(l.qualifiedAt()))).toList());
		}
		else {
			CsvDownload.write(response, name, List.of("id", "title", "account", "owner", "stage", "amount", "closeDate", "flags"),
					(records.flagged() == null ? List.<dev.tandem.insight.persistence.HygieneQueries.DealFlags>of() : records.flagged())
						.stream().map(d -> List.<Object>of(d.dealId(), d.title(), str(d.accountName()), d.ownerName(), d.stageName(),
								str(d.amount()), str(d.closeDate()), flags(d))).toList());
		}
	}

	private static String flags(dev.tandem.insight.persistence.HygieneQueries.DealFlags d) {
		return String.join(" ", Stream.of(d.closeDatePast() ? "CLOSE_DATE_PAST" : null, d.noCloseDate() ? "NO_CLOSE_DATE" : null,
				d.noRecentActivity() ? "NO_RECENT_ACTIVITY" : null, d.noNextStep() ? "NO_NEXT_STEP" : null,
				d.noAmount() ? "NO_AMOUNT" : null, d.reviewOverdue() ? "REVIEW_OVERDUE" : null).filter(Objects::nonNull).toList());
	}

	private static String str(@Nullable Object value) {
		return value == null ? "" : value.toString();
	}
}
