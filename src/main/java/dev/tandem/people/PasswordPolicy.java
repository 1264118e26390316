package dev.tandem.people;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import dev.tandem.platform.FieldProblem;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, at most {@value #MAX_LENGTH} (passwords are
 * hashed with Argon2, which takes any length), and none of the 10,000 most common passwords, whatever its case.
 * The list is {@code people/common-passwords.txt}; its source and licence are in its header and in NOTICE.
 */
@Component
class PasswordPolicy {

	static final int MIN_LENGTH = 8;
	static final int MAX_LENGTH = 1000;
	private static final String COMMON = "people/common-passwords.txt";

	private final Set<String> common;

	PasswordPolicy() {
		try (BufferedReader reader = new BufferedReader(
				new InputStreamReader(new ClassPathResource(COMMON).getInputStream(), StandardCharsets.UTF_8))) {
			common = reader.lines().filter(l -> !l.isEmpty() && !l.startsWith("#")).map(PasswordPolicy::folded)
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The list of common passwords is part of Tandem", ex);
		}
	}

	/** Adds the rule {@code password}, entered in {@code field}, breaks to {@code problems}, if any. */
	void check(String field, String password, List<FieldProblem> problems) {
		if (password.length() < MIN_LENGTH) {
			problems.add(new FieldProblem(field, "validation.password.length", MIN_LENGTH));
		}
		else if (password.length() > MAX_LENGTH) {
			problems.add(new FieldProblem(field, "validation.password.too-long", MAX_LENGTH));
		}
		else if (common.contains(folded(password))) {
			problems.add(new FieldProblem(field, "validation.password.common"));
		}
	}

	private static String folded(String password) {
		return password.toLowerCase(Locale.ROOT);
	}
}
