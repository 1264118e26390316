package dev.tandem.platform.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No template writes a value unescaped unless it is HTML that Tandem made safe itself: {@code th:utext} and the
 * unescaped inline form {@code [(...)]} are allowed only on the values listed here.
 */
class TemplateSafetyTests {

	/** Stage guidance: Markdown rendered by {@code playbook.Guidance}, which escapes any HTML in the text. */
	private static final Set<String> SANITISED = Set.of("${guidance}", "${preview}");

	private static final Pattern UTEXT = Pattern.compile("th:utext=\"([^\"]*)\"");
	private static final Pattern UNESCAPED_INLINE = Pattern.compile("\\[\\((.*?)\\)]");

	@Test
	void valuesAreEscapedUnlessTheyAreSanitisedHtml() throws IOException {
		List<String> found = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			templates = files.filter(f -> f.toString().endsWith(".html")).toList();
		}
		assertThat(templates).hasSizeGreaterThan(20);
		for (Path template : templates) {
			String html = Files.readString(template);
			for (Pattern pattern : List.of(UTEXT, UNESCAPED_INLINE)) {
				Matcher m = pattern.matcher(html);
				while (m.find()) {
					if (!SANITISED.contains(m.group(1).trim())) {
						found.add(template.getFileName() + ": " + m.group());
					}
				}
			}
		}
		assertThat(found).as("unescaped output of values that are not sanitised HTML").isEmpty();
	}
}
