package dev.tandem.insight.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.tandem.people.Formats;
import dev.tandem.goals.Measures;
import dev.tandem.insight.Summary;
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

	Kpis(Formats fmt, Numbers num, MessageSource messages) {
		this.fmt = fmt;
		this.num = num;
		this.messages = messages;
	}

	/** One headline number; {@code label} and {@code help} are message keys. */
	record Kpi(String label, String help, String value, @Nullable String link, Numbers.@Nullable Change change,
			Numbers.@Nullable Change changeYear) {
	}

	List<Kpi> of(Summary summary, String scopeKey) {
		Measures now = summary.current();
		Measures before = summary.previous();
		Measures year = summary.yearEarlier();
		String period = summary.period().key();
		List<Kpi> kpis = new ArrayList<>();
		kpis.add(new Kpi("insight.won-revenue", "help.won-revenue", fmt.money(now.wonRevenue()), link(scopeKey, period, "won"),
				num.change(now.wonRevenue(), before.wonRevenue()), num.change(now.wonRevenue(), year.wonRevenue())));
		kpis.add(new Kpi("insight.won-deals", "help.won-deals", now.wonDeals() + " / " + now.lostDeals(), link(scopeKey, period, "closed"),
				num.change(now.wonDeals(), before.wonDeals()), num.change(now.wonDeals(), year.wonDeals())));
		kpis.add(new Kpi("insight.win-rate", "help.win-rate", num.percent(now.winRate()), link(scopeKey, period, "closed"),
				num.points(now.winRate(), before.winRate()), num.points(now.winRate(), year.winRate())));
		kpis.add(new Kpi("insight.average-deal", "help.average-deal", fmt.whole(now.averageDealSize()), link(scopeKey, period, "won"),
				num.change(now.averageDealSize(), before.averageDealSize()), null));
		kpis.add(new Kpi("insight.sales-cycle", "help.sales-cycle", now.salesCycleDays() == null ? "–"
				: text("insight.days", num.count(Math.round(now.salesCycleDays()))), link(scopeKey, period, "won"),
				num.change(now.salesCycleDays(), before.salesCycleDays()), null));
		kpis.add(new Kpi("insight.activities", "help.activities", num.count(now.activities()), link(scopeKey, period, "activities"),
				num.change(now.activities(), before.activities()), num.change(now.activities(), year.activities())));
		kpis.add(new Kpi("insight.new-pipeline", "help.new-pipeline", fmt.money(now.newPipeline()), link(scopeKey, period, "created"),
				num.change(now.newPipeline(), before.newPipeline()), null));
		kpis.add(new Kpi("insight.hygiene-score", "help.hygiene", num.percent(summary.hygiene().score()),
				link(scopeKey, period, "flagged"), null, null));
		if (summary.pipelineCoverage() != null) {
			kpis.add(new Kpi("insight.coverage", "help.coverage", num.decimal(summary.pipelineCoverage()) + "×",
					link(scopeKey, period, "open"), null, null));
		}
		return kpis;
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
