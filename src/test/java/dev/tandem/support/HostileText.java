package dev.tandem.support;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text written as an attacker would, to store in every field, and the finder of it where a page wrote it unescaped.
 * Each value carries a tag ({@code Tz<n>z}) so a finding names the field it came from. A value holds as many of the
 * attacks as its field takes: a {@code javascript:} URL (first, so a link built from the field starts with it), a
 * script element, an attribute break-out into an image whose {@code onerror} runs, a script break-out into an SVG
 * whose {@code onload} runs, Thymeleaf and mustache template markers, and U+2028 (a line end inside a script).
 * Every attack sets {@code window.__xss}, which a browser test reads.
 */
public final class HostileText {

	/** What every attack would run. */
	public static final String RUNS = "window.__xss=1";

	/** The template markers: shown as they are, never evaluated to 49. */
	public static final String TEMPLATE_MARKERS = "{{7*7}}[[${7*7}]]";

	private static final List<String> ATTACKS = List.of("\"><img src=x onerror=" + RUNS + ">", "<script>" + RUNS + "</script>",
			"'</script><svg onload=" + RUNS + ">", TEMPLATE_MARKERS, "\u2028");

	private static final Pattern TAG = Pattern.compile("Tz(\\d+)z");

	/** Markup an attack leaves when it was written unescaped, in any context of a page. */
	private static final List<Pattern> UNESCAPED = List.of(
			Pattern.compile("<script>window\\.__xss", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<img src=x onerror=window\\.__xss", Pattern.CASE_INSENSITIVE),
			Pattern.compile("<svg onload=window\\.__xss", Pattern.CASE_INSENSITIVE),
			Pattern.compile("(?:href|src|action|formaction|hx-[a-z]+|data|srcdoc)\\s*=\\s*[\"']?\\s*javascript:window\\.__xss",
					Pattern.CASE_INSENSITIVE));

	private static final Pattern SCRIPT_BLOCK = Pattern.compile("<script\\b[^>]*>(.*?)</script\\s*>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);

	private HostileText() {
	}

	/** A hostile value tagged {@code tag} that fits in {@code maxLength} characters (0 for no limit). */
	public static String value(int tag, int maxLength) {
		int room = maxLength <= 0 ? Integer.MAX_VALUE : maxLength;
		StringBuilder value = new StringBuilder();
		String head = "javascript:" + RUNS + "//Tz" + tag + "z";
		value.append(head.length() <= room ? head : "Tz" + tag + "z");
		for (String attack : ATTACKS) {
			if (value.length() + attack.length() <= room) {
				value.append(attack);
			}
		}
		return value.toString();
	}

	/** A file name as a browser may send it: markup, but no quote (a browser sends that as {@code %22}). */
	public static String fileName(int tag) {
		return "Tz" + tag + "z<img src=x onerror=" + RUNS + "><svg onload=" + RUNS + ">.csv";
	}

	/** Whether {@code html} shows hostile text at all, escaped or not (every attack's code survives any escaping). */
	public static boolean shown(String html) {
		return html.contains("onerror=" + RUNS) || html.contains("onerror&#61;" + RUNS);
	}

	/** The tags of the hostile values that {@code html} shows. */
	public static List<Integer> tags(String html) {
		List<Integer> tags = new ArrayList<>();
		Matcher m = TAG.matcher(html);
		while (m.find()) {
			tags.add(Integer.valueOf(m.group(1)));
		}
		return tags;
	}

	/** Each place where {@code html} holds an attack as markup or as a raw line end inside a script, with context. */
	public static List<String> unescaped(String html) {
		List<String> found = new ArrayList<>();
		for (Pattern pattern : UNESCAPED) {
			Matcher m = pattern.matcher(html);
			while (m.find()) {
				found.add(context(html, m.start()));
			}
		}
		Matcher script = SCRIPT_BLOCK.matcher(html);
		while (script.find()) {
			int at = script.group(1).indexOf('\u2028');
			if (at >= 0) {
				found.add("U+2028 inside a script: " + context(html, script.start(1) + at));
			}
		}
		return found;
	}

	private static String context(String html, int at) {
		return "…" + html.substring(Math.max(0, at - 80), Math.min(html.length(), at + 60)).replace('\n', ' ') + "…";
	}
}
