package dev.tandem.people.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.tandem.people.NewOrganisation;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.InvalidInputException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * A new organisation and its first admin, as the setup API and the operator's API take them. The annotations document
 * the rules; {@link #check()} applies them once the caller is known to be allowed, so a stranger learns nothing of them.
 */
record OrganisationRequest(@NotBlank @Size(max = 200) @Nullable String organisationName, @NotBlank @Size(max = 3) @Nullable String currency,
		@NotBlank @Size(max = 64) @Nullable String timeZone, @Min(1) @Max(12) @Nullable Integer fiscalYearStartMonth,
		@NotBlank @Size(max = 2) @Nullable String language, @NotBlank @Size(max = 200) @Nullable String adminName,
		@NotBlank @Size(max = 320) @Nullable String adminEmail, @NotBlank @Nullable String adminPassword) {

	/** The request's own rules; the organisation's are the service's. */
	void check() {
		Map<String, @Nullable String> values = new LinkedHashMap<>();
		values.put("organisationName", organisationName);
		values.put("currency", currency);
		values.put("timeZone", timeZone);
		values.put("language", language);
		values.put("adminName", adminName);
		values.put("adminEmail", adminEmail);
		values.put("adminPassword", adminPassword);
		List<FieldProblem> problems = new ArrayList<>();
		values.forEach((field, value) -> {
			if (value == null || value.isBlank()) {
				problems.add(new FieldProblem(field, "jakarta.validation.constraints.NotBlank.message"));
			}
		});
		if (fiscalYearStartMonth == null) {
			problems.add(new FieldProblem("fiscalYearStartMonth", "jakarta.validation.constraints.NotNull.message"));
		}
		if (organisationName != null && organisationName.length() > 200) {
			problems.add(new FieldProblem("organisationName", "setup.too-long", 200));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	NewOrganisation organisation() {
		return new NewOrganisation(organisationName == null ? "" : organisationName, timeZone == null ? "" : timeZone,
				currency == null ? "" : currency, language == null ? "" : language,
				fiscalYearStartMonth == null ? 0 : fiscalYearStartMonth);
	}
}
