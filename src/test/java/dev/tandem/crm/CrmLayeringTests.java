package dev.tandem.crm;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The crm module's API (its root package) may use its persistence layer, and the persistence layer the API's
 * records, but no type of one may lead back to itself through the other. Types are taken as their source files
 * (a nested record counts as its enclosing type), since that is where such a cycle is made and broken.
 */
class CrmLayeringTests {

	private static final String API = "dev.tandem.crm";
	private static final String PERSISTENCE = "dev.tandem.crm.persistence";

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages(API);

	@Test
	void noApiTypeReachesItselfThroughThePersistenceLayer() {
		assertThat(cycles(graph(CLASSES))).isEmpty();
	}

	@Test
	void findsACycleThroughThePersistenceLayer() {
		Map<String, Set<String>> graph = new LinkedHashMap<>();
		graph.put(API + ".LeadManagement", new TreeSet<>(Set.of(PERSISTENCE + ".Leads", API + ".Lead")));
		graph.put(PERSISTENCE + ".Leads", new TreeSet<>(Set.of(API + ".Lead", API + ".LeadManagement")));
		graph.put(API + ".Lead", new TreeSet<>());

		assertThat(cycles(graph)).containsExactly("LeadManagement -> persistence.Leads -> LeadManagement");
	}

	/** Which top-level types of the API and the persistence package each such type uses. */
	private static Map<String, Set<String>> graph(JavaClasses classes) {
		Map<String, Set<String>> graph = new LinkedHashMap<>();
		for (JavaClass type : classes) {
			if (!inScope(type)) {
				continue;
			}
			Set<String> uses = graph.computeIfAbsent(topLevel(type), t -> new TreeSet<>());
			for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
				JavaClass target = dependency.getTargetClass();
				if (inScope(target) && !topLevel(target).equals(topLevel(type))) {
					uses.add(topLevel(target));
				}
			}
		}
		return graph;
	}

	/** For each API type that reaches a persistence type which reaches it back, the shortest such way round. */
	private static List<String> cycles(Map<String, Set<String>> graph) {
		List<String> cycles = new ArrayList<>();
		for (String api : graph.keySet()) {
			if (!packageOf(api).equals(API)) {
				continue;
			}
			for (String used : graph.get(api)) {
				if (!packageOf(used).equals(PERSISTENCE)) {
					continue;
				}
				List<String> back = path(graph, used, api);
				if (!back.isEmpty()) {
					List<String> round = new ArrayList<>();
					round.add(api);
					round.addAll(back);
					cycles.add(String.join(" -> ", round.stream().map(t -> t.substring(API.length() + 1)).toList()));
					break;
				}
			}
		}
		return cycles;
	}

	/** A shortest way from {@code from} to {@code to} (both included), or none. */
	private static List<String> path(Map<String, Set<String>> graph, String from, String to) {
		Map<String, String> cameFrom = new LinkedHashMap<>();
		cameFrom.put(from, from);
		Deque<String> queue = new ArrayDeque<>(List.of(from));
		while (!queue.isEmpty()) {
			String type = queue.removeFirst();
			if (type.equals(to)) {
				List<String> path = new ArrayList<>();
				for (String step = to; !step.equals(from); step = cameFrom.get(step)) {
					path.add(0, step);
				}
				path.add(0, from);
				return path;
			}
			for (String next : graph.getOrDefault(type, Set.of())) {
				if (cameFrom.putIfAbsent(next, type) == null) {
					queue.addLast(next);
				}
			}
		}
		return List.of();
	}

	private static boolean inScope(JavaClass type) {
		return type.getPackageName().equals(API) || type.getPackageName().equals(PERSISTENCE);
	}

	private static String topLevel(JavaClass type) {
		String name = type.getName();
		int nested = name.indexOf('$');
		return nested < 0 ? name : name.substring(0, nested);
	}

	private static String packageOf(String type) {
		return type.substring(0, type.lastIndexOf('.'));
	}
}
