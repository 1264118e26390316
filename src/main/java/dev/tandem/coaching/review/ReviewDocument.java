package dev.tandem.coaching.review;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A signed review as a PDF document to hand over, in the reader's language: who and which period, the scores of both
 * sides per section and overall, the comments and coaching topics, the facts frozen at sign-off, and each step with its
 * date and who took it; a corrected review says which version it is, when, by whom and why.
 */
@Component
public class ReviewDocument {

	private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);
	private static final Color RULE = new Color(0xd0, 0xd7, 0xde);
	private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD, ACCENT);
	private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD, ACCENT);
	private static final Font TEXT = new Font(Font.HELVETICA, 10, Font.NORMAL);
	private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
	private static final Font SMALL = new Font(Font.HELVETICA, 8, Font.NORMAL, Color.DARK_GRAY);

	private final ReviewManagement reviews;
	private final OrganisationManagement organisations;
	private final MessageSource messages;
	private final java.time.Clock clock;

	ReviewDocument(ReviewManagement reviews, OrganisationManagement organisations, MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.reviews = reviews;
		this.organisations = organisations;
		this.messages = messages;
	}

	/** The PDF of a signed review the viewer may see; a review not signed yet is refused as waiting for its step. */
	public byte[] pdf(CurrentUser viewer, UUID id, Locale locale) {
		Review review = reviews.get(viewer, id);
		if (!review.signed()) {
			throw new ReviewStepRefusedException(review.status());
		}
		ZoneId zone = organisations.get(viewer.orgId()).timeZone();
		Words w = new Words(messages, locale, zone);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		Document document = new Document(PageSize.A4, 56, 56, 56, 56);
		PdfWriter.getInstance(document, out);
		document.addTitle(w.text("review.pdf.title") + " " + review.revieweeName() + " " + review.cycleName());
		document.addCreator("Tandem");
		document.open();
		document.add(new Paragraph(w.text("review.pdf.title"), TITLE));
		document.add(new Paragraph(review.cycleName() + " · " + w.period(review), TEXT));
		if (review.revision() > 1 && review.correctedAt() != null) {
			document.add(new Paragraph(w.text("review.version.corrected", review.revision(), w.date(review.correctedAt()),
					review.correctedByName(), review.correctionReason()), SMALL));
		}
		spacer(document);

		PdfPTable people = table(new float[] { 1, 2 });
		row(people, w.text("review.reviewee"), review.revieweeName());
		row(people, w.text("review.reviewer"), review.reviewerName());
		row(people, w.text("review.period"), w.period(review));
		document.add(people);

		heading(document, w.text("review.scores"));
		PdfPTable scores = table(new float[] { 3, 1, 1, 4 });
		header(scores, w.text("review.section.title"), w.text("review.self-score"), w.text("review.manager-score"), w.text("review.manager-comment"));
		for (ReviewItem item : review.items()) {
			cell(scores, item.title(locale), BOLD);
			cell(scores, item.selfScore() == null ? "–" : Integer.toString(item.selfScore()), TEXT, Element.ALIGN_CENTER);
			cell(scores, item.managerScore() == null ? "–" : Integer.toString(item.managerScore()), TEXT, Element.ALIGN_CENTER);
			cell(scores, item.managerComment() == null ? "" : item.managerComment(), TEXT);
		}
		cell(scores, w.text("review.overall"), BOLD);
		cell(scores, "", TEXT);
		cell(scores, review.overall() == null ? "–" : w.text("review.out-of-ten", review.overall()), BOLD, Element.ALIGN_CENTER);
		cell(scores, "", TEXT);
		document.add(scores);

		paragraph(document, w.text("review.manager-comments"), review.managerComment());
		if (!review.topics().isEmpty()) {
			heading(document, w.text("review.coaching-topics"));
			review.topics().forEach(t -> {
				Paragraph p = new Paragraph("•  " + t, TEXT);
				p.setIndentationLeft(8);
				document.add(p);
			});
		}
		paragraph(document, w.text("review.self-comment"), review.selfComment());
		review.items().stream().filter(i -> i.selfComment() != null)
			.forEach(i -> document.add(new Paragraph(i.title(locale) + ": " + i.selfComment(), TEXT)));
		paragraph(document, w.text("review.acknowledge-comment"), review.acknowledgeComment());

		if (review.snapshot() != null) {
			facts(document, review.snapshot(), w);
		}

		heading(document, w.text("review.signatures"));
		PdfPTable steps = table(new float[] { 2, 3 });
		row(steps, w.text("review.status.SELF_ASSESSMENT"), review.selfAt() == null ? "–" : review.revieweeName() + ", " + w.date(review.selfAt()));
		row(steps, w.text("review.status.ASSESSMENT"),
				review.assessedAt() == null ? "–" : review.assessedByName() + ", " + w.date(review.assessedAt()));
		row(steps, w.text("review.status.CONVERSATION"),
				review.heldOn() == null ? "–" : review.heldByName() + ", " + w.date(review.heldOn()));
		row(steps, w.text("review.status.ACKNOWLEDGEMENT"),
				review.acknowledgedAt() == null ? "–" : review.revieweeName() + ", " + w.date(review.acknowledgedAt()));
		document.add(steps);
		spacer(document);
		document.add(new Paragraph(w.text("review.pdf.footer", w.date(clock.instant())), SMALL));
		document.close();
		return out.toByteArray();
	}

	private void facts(Document document, ReviewFacts f, Words w) {
		heading(document, w.text("review.facts"));
		document.add(new Paragraph(w.text("review.facts.frozen", w.date(f.takenAt())), SMALL));
		PdfPTable facts = table(new float[] { 2, 3 });
		row(facts, w.text("review.facts.won"), w.money(f.wonRevenue(), f.currency())
				+ (f.revenueTarget() == null ? "" : " / " + w.money(f.revenueTarget(), f.currency())));
		row(facts, w.text("review.facts.attainment"), w.percent(f.attainment()));
		row(facts, w.text("review.facts.win-rate"), w.percent(f.winRate()) + " (" + f.wonDeals() + " / " + (f.wonDeals() + f.lostDeals()) + ")");
		StringBuilder activities = new StringBuilder();
		for (Map.Entry<String, Long> a : f.activities()) {
			activities.append(activities.isEmpty() ? "" : ", ").append(w.text("activity-type." + a.getKey())).append(' ').append(a.getValue());
		}
		row(facts, w.text("review.facts.activities"), activities.isEmpty() ? "–" : activities.toString());
		row(facts, w.text("review.facts.accuracy"), w.percent(f.forecastAccuracy()) + (f.forecastBias() == null ? ""
				: " · " + w.text("review.facts.bias") + " " + w.signedPercent(f.forecastBias())));
		row(facts, w.text("review.facts.hygiene"), w.percent(f.hygieneScore()));
		document.add(facts);
		if (!f.stages().isEmpty()) {
			PdfPTable stages = table(new float[] { 3, 2, 2, 2 });
			header(stages, w.text("review.facts.stage"), w.text("review.facts.entered"), w.text("review.facts.conversion"), w.text("review.facts.team"));
			for (ReviewFacts.StageConversion s : f.stages()) {
				cell(stages, s.stage(), TEXT);
				cell(stages, Long.toString(s.entered()), TEXT, Element.ALIGN_RIGHT);
				cell(stages, w.percent(s.conversion()), TEXT, Element.ALIGN_RIGHT);
				cell(stages, w.percent(s.teamConversion()), TEXT, Element.ALIGN_RIGHT);
			}
			spacer(document);
			document.add(stages);
		}
		if (f.team() != null) {
			ReviewFacts.TeamFacts t = f.team();
			heading(document, w.text("review.facts.team-of", t.teamName()));
			PdfPTable team = table(new float[] { 2, 3 });
			row(team, w.text("review.facts.won"), w.money(t.wonRevenue(), f.currency())
					+ (t.revenueTarget() == null ? "" : " / " + w.money(t.revenueTarget(), f.currency())));
			row(team, w.text("review.facts.attainment"), w.percent(t.attainment()));
			row(team, w.text("review.facts.cadence"), t.oneOnOnesPlanned() == null ? w.text("review.facts.not-available")
					: w.text("review.facts.cadence.value", t.oneOnOnesHeld(), t.oneOnOnesPlanned()));
			row(team, w.text("review.facts.takeover"), t.takeoverActivities() == null ? w.text("review.facts.not-available")
					: w.percent(t.takeoverRatio()));
			row(team, w.text("review.facts.help"), t.helpResponseHours() == null ? w.text("review.facts.not-available")
					: w.text("review.facts.hours", String.format(w.locale, "%.1f", t.helpResponseHours())));
			document.add(team);
		}
	}

	private static PdfPTable table(float[] widths) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setSpacingBefore(4);
		return table;
	}

	private static void header(PdfPTable table, String... titles) {
		for (String title : titles) {
			PdfPCell cell = new PdfPCell(new Phrase(title, new Font(Font.HELVETICA, 9, Font.BOLD, Color.WHITE)));
			cell.setBackgroundColor(ACCENT);
			cell.setPadding(5);
			cell.setBorderColor(ACCENT);
			table.addCell(cell);
		}
	}

	private static void row(PdfPTable table, String label, @Nullable String value) {
		cell(table, label, BOLD);
		cell(table, value == null ? "–" : value, TEXT);
	}

	private static void cell(PdfPTable table, String text, Font font) {
		cell(table, text, font, Element.ALIGN_LEFT);
	}

	private static void cell(PdfPTable table, String text, Font font, int align) {
		PdfPCell cell = new PdfPCell(new Phrase(text, font));
		cell.setPadding(5);
		cell.setBorderColor(RULE);
		cell.setHorizontalAlignment(align);
		table.addCell(cell);
	}

	private static void heading(Document document, String text) {
		Paragraph p = new Paragraph(text, HEADING);
		p.setSpacingBefore(14);
		p.setSpacingAfter(4);
		document.add(p);
	}

	private static void paragraph(Document document, String heading, @Nullable String text) {
		if (text != null && !text.isBlank()) {
			heading(document, heading);
			document.add(new Paragraph(text, TEXT));
		}
	}

	private static void spacer(Document document) {
		document.add(new Paragraph(Chunk.NEWLINE));
	}

	/** Messages, dates, money and percentages in the reader's language. */
	private record Words(MessageSource messages, Locale locale, ZoneId zone) {

		String text(String key, Object... args) {
			return messages.getMessage(key, args, locale);
		}

		String date(Instant at) {
			return date(LocalDate.ofInstant(at, zone));
		}

		String date(LocalDate day) {
			return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
		}

		String period(Review review) {
			return date(review.periodStart()) + " – " + date(review.lastDay());
		}

		String money(BigDecimal amount, String currency) {
			NumberFormat format = NumberFormat.getCurrencyInstance(locale);
			format.setCurrency(Currency.getInstance(currency));
			format.setMaximumFractionDigits(0);
			return format.format(amount);
		}

		String percent(@Nullable Double share) {
			if (share == null) {
				return "–";
			}
			NumberFormat format = NumberFormat.getPercentInstance(locale);
			return format.format(share);
		}

		String signedPercent(Double share) {
			return (share > 0 ? "+" : "") + percent(share);
		}
	}
}
