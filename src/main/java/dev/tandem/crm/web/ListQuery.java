package dev.tandem.crm.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * The filter part of a list's URL, so paging, sorting and CSV export keep the filters:
 * {@code query.base('/deals')} gives {@code /deals?owner=...&stage=...&}.
 */
public record ListQuery(String params) {

	static ListQuery of(@Nullable Object... namesAndValues) {
		StringBuilder params = new StringBuilder();
		for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
			Object value = namesAndValues[i + 1];
			if (value != null && !value.toString().isBlank()) {
				params.append(namesAndValues[i]).append('=')
					.append(URLEncoder.encode(value.toString(), StandardCharsets.UTF_8)).append('&');
			}
		}
		return new ListQuery(params.toString());
	}

	/** The path with the filters, ready for one more parameter. */
	public String base(String path) {
		return path + "?" + params;
	}

	/** The path with the filters and one more parameter. */
	public String with(String path, String name, String value) {
		return path + "?" + params + name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
