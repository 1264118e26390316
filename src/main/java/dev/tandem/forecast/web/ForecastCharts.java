package dev.tandem.forecast.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.tandem.forecast.Backtest;
import dev.tandem.forecast.ForecastNode;
import dev.tandem.forecast.PipelineChange;
import dev.tandem.platform.web.PeriodPicker;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The data of the forecast charts as JSON, drawn by {@code forecast.js} next to the tables that hold the same figures.
 */
@Component
class ForecastCharts {

	private final MessageSource messages;

	ForecastCharts(MessageSource messages) {
		this.messages = messages;
	}

	/** Won, commit, best case and the statistical P10 to P90 against the goal. */
	String range(ForecastNode node, Locale locale) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("won", node.won());
		data.put("commit", node.commit());
		data.put("bestCase", node.bestCase());
		data.put("p10", node.statistical().p10());
		data.put("p50", node.statistical().p50());
		data.put("p90", node.statistical().p90());
		data.put("goal", node.goal());
		data.put("labels", Map.of("won", text("forecast.won", locale), "commit", text("forecast.commit", locale), "bestCase",
				text("forecast.best-case", locale), "statistical", text("forecast.statistical", locale), "goal", text("forecast.goal", locale)));
		return json(data);
	}

	/** The pipeline change as a waterfall: start, each change, end. */
	String waterfall(PipelineChange change, Locale locale) {
		List<String> labels = List.of(text("forecast.change.start", locale), text("forecast.change.NEW", locale),
				text("forecast.change.PULLED_IN", locale), text("forecast.change.INCREASED", locale),
				text("forecast.change.DECREASED", locale), text("forecast.change.PUSHED_OUT", locale), text("forecast.change.WON", locale),
				text("forecast.change.LOST", locale), text("forecast.change.end", locale));
		List<BigDecimal> values = List.of(change.start(), change.created(), change.pulledIn(), change.increased(),
				change.decreased().negate(), change.pushedOut().negate(), change.won().negate(), change.lost().negate(), change.end());
		return json(Map.of("labels", labels, "values", values));
	}

	String backtest(Backtest.Result result, Locale locale) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> actual = new ArrayList<>();
		List<BigDecimal> statistical = new ArrayList<>();
		List<BigDecimal> naive = new ArrayList<>();
		List<BigDecimal> submitted = new ArrayList<>();
		List<List<BigDecimal>> range = new ArrayList<>();
		for (Backtest.Month month : result.months()) {
			labels.add(PeriodPicker.label(month.period(), locale));
			actual.add(month.actual());
			statistical.add(month.statistical().mean());
			naive.add(month.naive());
			submitted.add(month.submitted());
			range.add(List.of(month.statistical().p10(), month.statistical().p90()));
		}
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("labels", labels);
		data.put("series", List.of(series(text("forecast.backtest.actual", locale), actual),
				series(text("forecast.backtest.statistical", locale), statistical), series(text("forecast.backtest.naive", locale), naive),
				series(text("forecast.backtest.submitted", locale), submitted)));
		data.put("range", range);
		return json(data);
	}

	private static Map<String, Object> series(String name, List<BigDecimal> data) {
		Map<String, Object> series = new LinkedHashMap<>();
		series.put("name", name);
		series.put("data", data);
		return series;
	}

	private String text(String key, Locale locale) {
		return messages.getMessage(key, null, key, locale);
	}

	private static String json(Object value) {
		return dev.tandem.platform.web.HtmlJson.write(value);
	}
}
