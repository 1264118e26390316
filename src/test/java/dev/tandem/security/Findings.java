package dev.tandem.security;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers what a walker found, so one run shows every kind of finding at once, each with a few examples and a count
 * rather than hundreds of lines that say the same.
 */
final class Findings {

	private static final int EXAMPLES = 3;

	private Findings() {
	}

	/** The first line of a failed check, which names the check, and the request it failed for. */
	static String of(AssertionError failure, String request) {
		String message = failure.getMessage() == null ? "" : failure.getMessage().strip();
		String check = message.lines().findFirst().orElse("");
		int named = check.indexOf("]");
		check = named > 0 && check.startsWith("[") ? check.substring(1, named) : check;
		// The check's description starts with the request; what follows its colon is the check.
		int colon = check.lastIndexOf(": ");
		return (colon > 0 ? check.substring(colon + 2) : check) + " | " + request;
	}

	/** Findings grouped by what comes before {@code " | "}, at most a few examples each. */
	static List<String> summary(List<String> findings) {
		Map<String, List<String>> groups = new LinkedHashMap<>();
		for (String finding : findings) {
			int bar = finding.indexOf(" | ");
			String kind = bar > 0 ? finding.substring(0, bar) : finding;
			groups.computeIfAbsent(kind, k -> new ArrayList<>()).add(bar > 0 ? finding.substring(bar + 3) : finding);
		}
		List<String> summary = new ArrayList<>();
		groups.forEach((kind, examples) -> summary.add(kind + " (" + examples.size() + "x), e.g. "
				+ String.join("\n    ", examples.subList(0, Math.min(EXAMPLES, examples.size())))));
		return summary;
	}
}
