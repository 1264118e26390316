package dev.tandem.insight.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.Formats;
import dev.tandem.goals.Measures;
import dev.tandem.goals.PaceSettings;
import dev.tandem.insight.Comparison;
import dev.tandem.insight.Summary;
import dev.tandem.platform.Period;
import dev.tandem.platform.web.PeriodPicker;
import dev.tandem.platform.web.Numbers;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The headline numbers of a dashboard, formatted, each with its definition, the link to the records behind
 * it and its change against the previous period and the same period a year earlier.
 */
@Component
class Kpis {

	private final Formats fmt;
	private final Numbers num;
	private final MessageSource messages;

	private final PaceSettings pace;

	Kpis(Formats fmt, Numbers num, MessageSource messages, PaceSettings pace) {
		this.pace = pace;
		this.fmt = fmt;
		this.num = num;
		this.messages = messages;
	}

	/**
	 * One headline number; {@code label} and {@code help} are message keys, {@code vsPrevious} and {@code vsEarlier} say
	 * what each change compares with, {@code note} says when the figure is today's rather than the period's.
	 */
	record Kpi(String label, String help, String value, @Nullable String link, Numbers.@Nullable Change change,
			Numbers.@Nullable Change changeYear, String vsPrevious, String vsEarlier, @Nullable String note) {
	}

	List<Kpi> of(Summary summary, String scopeKey) {
		Measures now = summary.current();
		Measures before = summary.previous();
		Measures year = summary.yearEarlier();
		String period = summary.period().key();
		Locale locale = LocaleContextHolder.getLocale();
		String vsPrevious = text("insight.vs", window(summary.comparison().previous(), locale));
		String vsEarlier = text("insight.vs", window(summary.comparison().earlier(), locale));
		List<Kpi> kpis = new ArrayList<>();
		kpis.add(new Kpi("insight.won-revenue", "help.won-revenue", fmt.money(now.wonRevenue()), link(scopeKey, period, "won"),
				num.change(now.wonRevenue(), before.wonRevenue()), num.change(now.wonRevenue(), year.wonRevenue()), vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.won-deals", "help.won-deals", now.wonDeals() + " / " + now.lostDeals(), link(scopeKey, period, "closed"),
				num.change(now.wonDeals(), before.wonDeals()), num.change(now.wonDeals(), year.wonDeals()), vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.win-rate", "help.win-rate", num.percent(now.winRate()), link(scopeKey, period, "closed"),
				num.points(now.winRate(), before.winRate()), num.points(now.winRate(), year.winRate()), vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.average-deal", "help.average-deal", fmt.whole(now.averageDealSize()), link(scopeKey, period, "won"),
				num.change(now.averageDealSize(), before.averageDealSize()), null, vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.sales-cycle", "help.sales-cycle", now.salesCycleDays() == null ? "–"
				: text("insight.days", num.count(Math.round(now.salesCycleDays()))), link(scopeKey, period, "won"),
				num.change(now.salesCycleDays(), before.salesCycleDays()), null, vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.activities", "help.activities", num.count(now.activities()), link(scopeKey, period, "activities"),
				num.change(now.activities(), before.activities()), num.change(now.activities(), year.activities()), vsPrevious, vsEarlier, null));
		kpis.add(new Kpi("insight.new-pipeline", "help.new-pipeline", fmt.money(now.newPipeline()), link(scopeKey, period, "created"),
				num.change(now.newPipeline(), before.newPipeline()), null, vsPrevious, vsEarlier, null));
		// Hygiene flags are not kept per day, so a past period can only show today's.
		if (early(summary)) {
			// A few hours of a first day against whole days before would read as -100%: the figures before are shown.
			kpis.replaceAll(k -> k.change() == null ? k : new Kpi(k.label(), k.help(), k.value(), k.link(),
					then(k.label(), before), k.changeYear() == null ? null : then(k.label(), year),
					text(Comparison.days(summary.comparison().previous()) == 1 ? "insight.on" : "insight.in",
							window(summary.comparison().previous(), locale)),
					text(Comparison.days(summary.comparison().earlier()) == 1 ? "insight.on" : "insight.in",
							window(summary.comparison().earlier(), locale)), k.note()));
		}
		kpis.add(new Kpi("insight.hygiene-score", "help.hygiene", num.percent(summary.hygiene().score()),
				link(scopeKey, period, "flagged"), null, null, vsPrevious, vsEarlier,
				summary.currentPeriod() ? null : text("insight.as-of-today")));
		if (summary.pipelineCoverage() != null) {
			kpis.add(new Kpi("insight.coverage", "help.coverage", num.decimal(summary.pipelineCoverage()) + "×",
					link(scopeKey, period, "open"), null, null, vsPrevious, vsEarlier, null));
		}
		return kpis;
	}

	/** Whether less of the running period has passed than pace needs: then the figures before are shown, not a change. */
	private boolean early(Summary summary) {
		Comparison comparison = summary.comparison();
		return comparison.toDate() && (double) Comparison.days(comparison.current()) / summary.period().days() < pace.minElapsedShare();
	}

	/** A headline figure of the period compared with, as the change's place shows it. */
	private Numbers.Change then(String label, Measures m) {
		String text = switch (label) {
			case "insight.won-revenue" -> fmt.money(m.wonRevenue());
			case "insight.won-deals" -> m.wonDeals() + " / " + m.lostDeals();
			case "insight.win-rate" -> num.percent(m.winRate());
			case "insight.average-deal" -> fmt.whole(m.averageDealSize());
			case "insight.sales-cycle" -> m.salesCycleDays() == null ? "–" : text("insight.days", num.count(Math.round(m.salesCycleDays())));
			case "insight.activities" -> num.count(m.activities());
			case "insight.new-pipeline" -> fmt.money(m.newPipeline());
			default -> "–";
		};
		return new Numbers.Change(text, 0);
	}

	/** While the period runs, what its changes compare: the days so far against the same days before; else nothing. */
	@Nullable String note(Summary summary) {
		Comparison comparison = summary.comparison();
		if (!comparison.toDate()) {
			return null;
		}
		Locale locale = LocaleContextHolder.getLocale();
		return text("insight.like-for-like", window(comparison.current(), locale), window(comparison.previous(), locale),
				window(comparison.earlier(), locale));
	}

	/** A whole period by its name ("October 2026"), the first days of one by their dates ("1–2 Nov 2026"). */
	static String window(Period window, Locale locale) {
		if (Comparison.whole(window)) {
			return PeriodPicker.label(window, locale);
		}
		LocalDate first = window.start();
		LocalDate last = window.end().minusDays(1);
		DateTimeFormatter full = DateTimeFormatter.ofPattern("d MMM yyyy", locale);
		if (first.equals(last)) {
			return first.format(full);
		}
		if (first.getYear() != last.getYear()) {
			return first.format(full) + " – " + last.format(full);
		}
		if (first.getMonth() != last.getMonth()) {
			return first.format(DateTimeFormatter.ofPattern("d MMM", locale)) + " – " + last.format(full);
		}
		return first.getDayOfMonth() + "–" + last.format(full);
	}

	private static String link(String scopeKey, String period, String what) {
		return UriComponentsBuilder.fromPath("/insight/records").queryParam("scope", scopeKey).queryParam("period", period)
			.queryParam("what", what).build().encode().toUriString();
	}

	private String text(String key, Object... args) {
		Locale locale = LocaleContextHolder.getLocale();
		return messages.getMessage(key, args, key, locale);
	}
}
