package dev.tandem.playbook;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/**
 * Renders a stage's guidance from Markdown to HTML that is safe to show: raw HTML in the text is
 * escaped and link targets are sanitised, so guidance can never run script in a rep's browser.
 */
public final class Guidance {

	private static final Parser PARSER = Parser.builder().build();
	private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

	private Guidance() {
	}

	public static String toHtml(String markdown) {
		return RENDERER.render(PARSER.parse(markdown));
	}
}
