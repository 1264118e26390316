package dev.tandem.crm;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.persistence.CustomFields;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.ConcurrentEditException;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.RecordNotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Custom fields of accounts, contacts, deals and leads: everyone of the organisation reads the definitions, only an
 * admin adds or changes one. A field's kind, key and type stay as created, so the values already kept keep their
 * meaning; deactivating hides a field and keeps its values.
 */
@Service
public class CustomFieldManagement {

	private static final int MAX_CHOICES = 100;

	private final CustomFields fields;
	private final Clock clock;

	CustomFieldManagement(CustomFields fields, Clock clock) {
		this.fields = fields;
		this.clock = clock;
	}

	/** The definitions by kind and position: of one kind when asked, active ones only unless {@code withInactive}. */
	public List<CustomField> list(CurrentUser viewer, @Nullable CustomFieldKind kind, boolean withInactive) {
		return fields.list(viewer.orgId(), kind, withInactive);
	}

	public CustomField get(CurrentUser viewer, UUID id) {
		return fields.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("custom field", id));
	}

	@Transactional
	public CustomField create(CurrentUser admin, CustomFieldInput input) {
		requireAdmin(admin);
		List<FieldProblem> problems = new ArrayList<>();
		String key = input.key() == null || input.key().isBlank() ? keyOf(input.label() == null ? "" : input.label())
				: input.key().trim();
		if (input.kind() == null) {
			problems.add(new FieldProblem("kind", "validation.enum", "ACCOUNT, CONTACT, DEAL, LEAD"));
		}
		if (input.type() == null) {
			problems.add(new FieldProblem("type", "validation.enum", "TEXT, NUMBER, DATE, CHOICE"));
		}
		if (!key.matches("[a-z][a-z0-9_]{0,59}")) {
			problems.add(new FieldProblem("key", "validation.custom-field.key"));
		}
		else if (input.kind() != null && fields.keyTaken(admin.orgId(), input.kind(), key)) {
			problems.add(new FieldProblem("key", "validation.custom-field.key-taken"));
		}
		Checked checked = check(input, input.type(), problems);
		UUID id = Ids.next();
		int position = input.position() != null ? input.position() : fields.nextPosition(admin.orgId(), input.kind());
		fields.insert(admin.orgId(), id, input.kind(), key, checked.label(), input.type(), checked.choices(), position, input.active(),
				clock.instant(), admin.displayName());
		return get(admin, id);
	}

	/** Changes label, choices, position and whether the field is active; kind, key and type must be sent as they are. */
	@Transactional
	public CustomField update(CurrentUser admin, UUID id, int version, CustomFieldInput input) {
		requireAdmin(admin);
		CustomField current = get(admin, id);
		if (current.version() != version) {
			throw conflict(current);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (input.kind() != null && input.kind() != current.kind()) {
			problems.add(new FieldProblem("kind", "validation.custom-field.fixed"));
		}
		if (input.key() != null && !input.key().trim().equals(current.key())) {
			problems.add(new FieldProblem("key", "validation.custom-field.fixed"));
		}
		if (input.type() != null && input.type() != current.type()) {
			problems.add(new FieldProblem("type", "validation.custom-field.fixed"));
		}
		Checked checked = check(input, current.type(), problems);
		int position = input.position() != null ? input.position() : current.position();
		if (!fields.update(admin.orgId(), id, version, checked.label(), checked.choices(), position, input.active(), clock.instant(),
				admin.displayName())) {
			throw conflict(get(admin, id));
		}
		return get(admin, id);
	}

	/**
	 * The field of that key, created as given when the kind has none yet: how an import keeps a column the product has
	 * no field for. Refused for anyone but an admin when the field is new.
	 */
	@Transactional
	public CustomField ensure(CurrentUser user, CustomFieldKind kind, String key, String label, CustomFieldType type) {
		return fields.list(user.orgId(), kind, true).stream().filter(f -> f.key().equals(key)).findFirst()
			.orElseGet(() -> create(user, new CustomFieldInput(kind, key, label, type, List.of(), null, true)));
	}

	/** A key made of a column name: lower case, letters, digits and underscores, starting with a letter. */
	public static String keyOf(String name) {
		String key = name.trim().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
		if (key.isEmpty() || !Character.isLetter(key.charAt(0))) {
			key = "f_" + key;
		}
		return key.length() > 60 ? key.substring(0, 60) : key;
	}

	/**
	 * The values as they are kept, each checked against its active field of the kind: unknown keys and values that
	 * break their field's type are refused, naming {@code customFields.<key>}; null or blank removes a value.
	 */
	Map<String, @Nullable String> check(CurrentUser user, CustomFieldKind kind, @Nullable Map<String, ? extends @Nullable Object> values) {
		if (values == null || values.isEmpty()) {
			return Map.of();
		}
		Map<String, CustomField> byKey = new LinkedHashMap<>();
		fields.list(user.orgId(), kind, false).forEach(f -> byKey.put(f.key(), f));
		Map<String, @Nullable String> checked = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		values.forEach((key, raw) -> {
			String name = "customFields." + key;
			CustomField field = byKey.get(key);
			if (field == null) {
				problems.add(new FieldProblem(name, "validation.custom.unknown"));
				return;
			}
			String text = raw == null ? "" : raw instanceof Number n ? new java.math.BigDecimal(n.toString()).toPlainString()
					: raw instanceof String s ? s : null;
			if (text == null) {
				problems.add(new FieldProblem(name, "validation.custom.scalar", field.label()));
			}
			else if (text.isBlank()) {
				checked.put(key, null);
			}
			else {
				field.type().canonical(text, field.choices()).ifPresentOrElse(v -> checked.put(key, v),
						() -> problems.add(rule(name, field)));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return checked;
	}

	/** The custom values of every record of a kind that has any, by record id, for an admin's export. */
	public Map<UUID, Map<String, String>> values(CurrentUser admin, CustomFieldKind kind) {
		requireAdmin(admin);
		return fields.valuesOf(admin.orgId(), kind);
	}

	/**
	 * Keeps values an import read and checked against their fields' types (canonical text by key) on one of its
	 * records, for an admin, inside the import's run.
	 */
	@Transactional
	public void keep(CurrentUser admin, CustomFieldKind kind, UUID recordId, Map<String, String> values) {
		requireAdmin(admin);
		fields.store(admin.orgId(), kind, recordId, Map.copyOf(values));
	}

	/**
	 * Sets the custom values of one record back to what they were before an import changed them, for the undo of that
	 * import: a key mapped to {@code null} had no value then and is removed.
	 */
	@Transactional
	public void restore(CurrentUser admin, CustomFieldKind kind, UUID recordId, Map<String, @Nullable String> before) {
		requireAdmin(admin);
		fields.store(admin.orgId(), kind, recordId, new java.util.HashMap<>(before));
	}

	/**
	 * Carries a converted lead's custom values over to a record made from it: each value whose key is an active field
	 * of the record's kind that takes it (by that field's type), unless the record has a value there already.
	 */
	void carryOver(CurrentUser user, Map<String, String> from, CustomFieldKind kind, UUID recordId, Map<String, String> has) {
		Map<String, @Nullable String> carried = new LinkedHashMap<>();
		for (CustomField field : fields.list(user.orgId(), kind, false)) {
			String value = from.get(field.key());
			if (value != null && !has.containsKey(field.key())) {
				field.type().canonical(value, field.choices()).ifPresent(v -> carried.put(field.key(), v));
			}
		}
		fields.store(user.orgId(), kind, recordId, carried);
	}

	/** Checks and keeps the values of one record, inside the command that writes the record. */
	void store(CurrentUser user, CustomFieldKind kind, UUID recordId, @Nullable Map<String, ? extends @Nullable Object> values) {
		fields.store(user.orgId(), kind, recordId, check(user, kind, values));
	}

	private static FieldProblem rule(String name, CustomField field) {
		return switch (field.type()) {
			case TEXT -> new FieldProblem(name, "validation.custom.text", field.label(), CustomFieldType.MAX_TEXT);
			case NUMBER -> new FieldProblem(name, "validation.custom.number", field.label());
			case DATE -> new FieldProblem(name, "validation.custom.date", field.label());
			case CHOICE -> new FieldProblem(name, "validation.custom.choice", field.label(), String.join(", ", field.choices()));
		};
	}

	private record Checked(String label, List<String> choices) {
	}

	private Checked check(CustomFieldInput input, @Nullable CustomFieldType type, List<FieldProblem> problems) {
		String label = input.label() == null ? "" : input.label().trim();
		if (label.isEmpty() || label.length() > 100) {
			problems.add(new FieldProblem("label", "validation.text.length", 1, 100));
		}
		List<String> choices = input.choices().stream().map(c -> c == null ? "" : c.trim()).filter(c -> !c.isEmpty()).distinct()
			.toList();
		if (type == CustomFieldType.CHOICE && (choices.isEmpty() || choices.size() > MAX_CHOICES)) {
			problems.add(new FieldProblem("choices", "validation.custom-field.choices", MAX_CHOICES));
		}
		if (type != CustomFieldType.CHOICE && !choices.isEmpty()) {
			problems.add(new FieldProblem("choices", "validation.custom-field.no-choices"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(label, choices);
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("admins only");
		}
	}

	private static ConcurrentEditException conflict(CustomField now) {
		return new ConcurrentEditException("custom field", now.updatedBy(), now.updatedAt());
	}
}
