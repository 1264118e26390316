package dev.tandem.crm;

import java.util.Collection;
import java.util.List;

import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.ValueProblems;

/**
 * Refuses a sort order a list does not know, naming the ones it does, instead of quietly sorting by id.
 */
final class Sorts {

	private Sorts() {
	}

	static void check(String sort, Collection<String> allowed) {
		if (!allowed.contains(sort)) {
			throw new InvalidInputException(List.of(ValueProblems.notOneOf("sort", sort, allowed.stream().sorted().toList())));
		}
	}
}
