package dev.tandem.insight.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.goals.GoalProgress;
import dev.tandem.insight.Funnel;
import dev.tandem.insight.PersonRow;
import dev.tandem.insight.StageFigures;
import dev.tandem.insight.Summary;
import dev.tandem.insight.TeamRow;
import dev.tandem.insight.TrendPoint;
import dev.tandem.platform.web.PeriodPicker;
import dev.tandem.playbook.ActivityType;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data of the dashboard charts as JSON, embedded next to the tables they draw; {@code insight.js} turns
 * it into Apache ECharts. The tables stay the source: a chart only shows what a table beside it says.
 */
@Component
class Charts {

	private final MessageSource messages;

	Charts(MessageSource messages) {
		this.messages = messages;
	}

	String trend(List<TrendPoint> trend, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> won = new ArrayList<>();
		List<BigDecimal> target = new ArrayList<>();
		for (TrendPoint point : trend) {
			labels.add(PeriodPicker.label(point.period(), locale));
			won.add(point.measures().wonRevenue());
			target.add(point.revenueGoal() == null ? null : point.revenueGoal().target());
		}
		return json(Map.of("labels", labels, "series", List.of(
				series(text("insight.won-revenue", locale), "bar", won), series(text("insight.goal", locale), "line", target))));
	}

	String funnel(Funnel funnel, List<PersonRow> people, Locale locale) {
		List<String> stages = funnel.stages().stream().map(Funnel.Stage::name).toList();
		List<Object> series = new ArrayList<>();
		series.add(series(text("insight.team", locale), "bar", funnel.stages().stream().map(s -> percent(s.figures())).toList()));
		for (PersonRow person : people) {
			series.add(series(person.name(), "line", funnel.stages().stream().map(s -> percent(funnel.of(person.userId(), s.id()))).toList()));
		}
		return json(Map.of("labels", stages, "series", series, "percent", true));
	}

	String activities(Summary summary, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<Long> now = new ArrayList<>();
		List<Long> before = new ArrayList<>();
		for (ActivityType type : ActivityType.values()) {
			if (type == ActivityType.NOTE) {
				continue;
			}
			labels.add(text("activity-type." + type.name(), locale));
			now.add(summary.current().activitiesByType().getOrDefault(type, 0L));
			before.add(summary.previous().activitiesByType().getOrDefault(type, 0L));
		}
		return json(Map.of("labels", labels, "series", List.of(series(Kpis.window(summary.comparison().current(), locale), "bar", now),
				series(Kpis.window(summary.comparison().previous(), locale), "bar", before))));
	}

	String overview(List<TeamRow> rows, Locale locale) {
		List<String> labels = rows.stream().map(r -> r.team().name()).toList();
		List<BigDecimal> won = rows.stream().map(r -> r.measures().wonRevenue()).toList();
		List<BigDecimal> target = new ArrayList<>();
		for (TeamRow row : rows) {
			GoalProgress goal = row.revenueGoal();
			target.add(goal == null ? null : goal.progress().target());
		}
		return json(Map.of("labels", labels, "series", List.of(series(text("insight.won-revenue", locale), "bar", won),
				series(text("insight.goal", locale), "bar", target))));
	}

	private static Map<String, Object> series(String name, String type, List<?> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("type", type);
		series.put("data", data);
		return series;
	}

	private static Long percent(StageFigures figures) {
		return figures.conversion() == null ? null : Math.round(figures.conversion() * 100);
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String json(Object value) {
		return dev.tandem.platform.web.HtmlJson.write(value);
	}
}
