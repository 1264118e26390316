package dev.tandem.platform.web;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON that may stand inside an HTML page: {@code <}, {@code >}, {@code &} and the line separators U+2028 and
 * U+2029 are written as {@code \}{@code u} escapes, so a name such as {@code </script><img onerror=...>} stays
 * text wherever the JSON is put. These characters only ever occur inside JSON strings, where the escape means the
 * same character, so the data reads back unchanged.
 */
public final class HtmlJson {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private HtmlJson() {
	}

	public static String write(Object value) {
		return escape(JSON.writeValueAsString(value));
	}

	static String escape(String json) {
		StringBuilder out = new StringBuilder(json.length() + 16);
		for (int i = 0; i < json.length(); i++) {
			char c = json.charAt(i);
			switch (c) {
				case '<' -> out.append("\\u003c");
				case '>' -> out.append("\\u003e");
				case '&' -> out.append("\\u0026");
				case '\u2028' -> out.append("\\u2028");
				case '\u2029' -> out.append("\\u2029");
				default -> out.append(c);
			}
		}
		return out.toString();
	}
}
