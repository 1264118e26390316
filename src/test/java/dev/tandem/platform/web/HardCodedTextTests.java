package dev.tandem.platform.web;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every text a user reads comes from the messages, so that it exists in English and Dutch: no template has a
 * text node, or a {@code title}, {@code placeholder}, {@code aria-label} or {@code alt} attribute, with a letter
 * in it that is written in the markup instead of coming from {@code #{...}}.
 * <p>
 * Not counted: Thymeleaf's prototype text, inside an element whose content {@code th:text}, {@code th:utext},
 * {@code th:replace} or {@code th:insert} replaces; an attribute that a {@code th:*} attribute of the same
 * element writes ({@code th:title}, or {@code th:attr="title=..."}); inline expressions ({@code [[...]]});
 * scripts, styles and keyboard keys ({@code <kbd>}); and the few words listed in {@link #NOT_TRANSLATED}. A page's own {@code <html>} is read
 * although it has {@code th:replace}: it hands its parts ({@code ~{::main}}) to the layout. The file and the text
 * are named in the failure.
 */
class HardCodedTextTests {

	/**
	 * The product's name; the language switch's labels and titles, each language's own name for itself; the sum sign
	 * that marks a rolled-up forecast (its title says so in words).
	 */
	private static final Set<String> NOT_TRANSLATED = Set.of("Tandem", "EN", "NL", "English", "Nederlands", "Σ");

	private static final Set<String> READ_ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");

	private static final Set<String> CONTENT_REPLACED = Set.of("th:text", "th:utext", "th:replace", "th:insert");

	private static final Pattern INLINE = Pattern.compile("\\[\\[.*?]]|\\[\\(.*?\\)]", Pattern.DOTALL);

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	@Test
	void everyTextAUserReadsComesFromTheMessages() throws IOException, ParseException {
		List<String> found = new ArrayList<>();
		List<Path> templates;
		try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
			templates = files.filter(f -> f.toString().endsWith(".html")).sorted().toList();
		}
		assertThat(templates).hasSizeGreaterThan(20);
		DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
		for (Path template : templates) {
			String name = Path.of("src/main/resources/templates").relativize(template).toString();
			visit(parser.parse(name, new StringReader(Files.readString(template))), name, found);
		}
		assertThat(found).as("hard-coded text in templates (file: text); give it a message key in English and Dutch").isEmpty();
	}

	@Test
	void theScanFindsTextAndAttributesButNotPrototypeText() throws ParseException {
		String html = """
				<html th:replace="~{layout :: page(#{t}, ~{::div})}"><div title="Open" th:title="#{x}"><p th:text="#{a}">Replaced</p><span>Loose words</span>
				  <img alt="A chart"><button aria-label="Close" th:attr="aria-label=#{b}">×</button> [[#{c}]] – 12%
				  <input placeholder="Search"><b>Tandem</b><script>var s = "text";</script></div></html>""";
		List<String> found = new ArrayList<>();
		visit(new DOMMarkupParser(ParseConfiguration.htmlConfiguration()).parse("sample", new StringReader(html)), "sample.html", found);
		assertThat(found).containsExactly("sample.html: Loose words", "sample.html: alt=\"A chart\"",
				"sample.html: placeholder=\"Search\"");
	}

	private static void visit(INestableNode node, String file, List<String> found) {
		for (INode child : node.getChildren()) {
			if (child instanceof Text text) {
				String words = INLINE.matcher(text.getContent()).replaceAll(" ").strip().replaceAll("\\s+", " ");
				if (LETTER.matcher(words).find() && !NOT_TRANSLATED.contains(words)) {
					found.add(file + ": " + words);
				}
			}
			else if (child instanceof Element element) {
				String tag = element.getElementName().toLowerCase();
				Map<String, String> attributes = element.getAttributeMap();
				for (String attribute : READ_ATTRIBUTES) {
					String value = attributes.get(attribute);
					if (value != null && LETTER.matcher(value).find() && !NOT_TRANSLATED.contains(value.strip())
							&& !writtenByThymeleaf(attributes, attribute)) {
						found.add(file + ": " + attribute + "=\"" + value + "\"");
					}
				}
				// A page's <html th:replace="~{layout :: page(..., ~{::main})}"> hands its own parts to the layout: they are shown.
				// A key of the keyboard (<kbd>l</kbd>) is the same key in every language.
				boolean replaced = tag.equals("script") || tag.equals("style") || tag.equals("kbd")
						|| !tag.equals("html") && attributes.keySet().stream().anyMatch(CONTENT_REPLACED::contains);
				if (!replaced) {
					visit(element, file, found);
				}
			}
			else if (child instanceof INestableNode nested) {
				visit(nested, file, found);
			}
		}
	}

	private static boolean writtenByThymeleaf(Map<String, String> attributes, String attribute) {
		if (attributes.containsKey("th:" + attribute)) {
			return true;
		}
		String attr = attributes.getOrDefault("th:attr", "");
		return Pattern.compile("(^|[\\s,])" + Pattern.quote(attribute) + "\\s*=").matcher(attr).find();
	}
}
