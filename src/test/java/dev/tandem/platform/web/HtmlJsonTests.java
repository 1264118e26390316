package dev.tandem.platform.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * JSON written for a page carries no character that could end the element it stands in, and reads back as written.
 */
class HtmlJsonTests {

	@Test
	void markupAndLineSeparatorsAreEscapedAndReadBackUnchanged() {
		String name = "</script><img src=x onerror=alert(1)> & \u2028\u2029";
		String json = HtmlJson.write(Map.of("labels", List.of(name)));
		assertThat(json).isEqualTo("{\"labels\":[\"\\u003c/script\\u003e\\u003cimg src=x onerror=alert(1)\\u003e \\u0026 \\u2028\\u2029\"]}");
		assertThat(json).doesNotContain("<", ">", "&", "\u2028", "\u2029");
		assertThat(JsonMapper.builder().build().readTree(json).get("labels").get(0).asString()).isEqualTo(name);
	}
}
