package dev.tandem.crm.web;

import java.util.List;
import java.util.UUID;

import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldInput;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.CustomFieldType;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.Listing;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Custom fields", description = "Fields an organisation keeps on accounts, contacts, deals and leads beyond the "
		+ "product's own")
class CustomFieldApiController {

	private final CustomFieldManagement fields;

	CustomFieldApiController(CustomFieldManagement fields) {
		this.fields = fields;
	}

	@GetMapping("/api/v1/custom-fields")
	@Operation(summary = "List the custom fields", description = "By kind and position; kind: ACCOUNT, CONTACT, DEAL or LEAD; "
			+ "inactive ones too with inactive=true.")
	Listing<CustomField> list(@AuthenticationPrincipal CurrentUser me, @RequestParam(required = false) @Nullable CustomFieldKind kind,
			@RequestParam(defaultValue = "false") boolean inactive) {
		return Listing.all(fields.list(me, kind, inactive));
	}

	@PostMapping("/api/v1/custom-fields")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a custom field", description = "Admins only (403 for anyone else). key: lower-case letters, digits "
			+ "and underscores, unique per kind, the name of the field in customFields of the records and in exports (without one, "
			+ "it is made of the label); type: TEXT, "
			+ "NUMBER, DATE (yyyy-mm-dd) or CHOICE, which needs choices.")
	CustomField create(@AuthenticationPrincipal CurrentUser me, @Valid @RequestBody CustomFieldRequest request) {
		return fields.create(me, request.input());
	}

	@PutMapping("/api/v1/custom-fields/{id}")
	@Operation(summary = "Change a custom field", description = "Admins only. Send the version you read: a stale one answers 409. "
			+ "Label, choices, position and active change; kind, key and type stay as created. active=false hides the field "
			+ "and keeps its values.")
	CustomField update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@Valid @RequestBody CustomFieldChange request) {
		return fields.update(me, id, request.version(), request.field().input());
	}

	record CustomFieldRequest(@Nullable CustomFieldKind kind, @Nullable @Size(max = 60) String key,
			@Nullable @Size(max = 100) String label, @Nullable CustomFieldType type,
			@Nullable @Size(max = 100) List<@Size(max = 200) String> choices, @Nullable Integer position,
			@Nullable Boolean active) {

		CustomFieldInput input() {
			return new CustomFieldInput(kind, key, label, type, choices == null ? List.of() : choices, position,
					active == null || active);
		}
	}

	record CustomFieldChange(@NotNull Integer version, @NotNull @Valid CustomFieldRequest field) {
	}
}
