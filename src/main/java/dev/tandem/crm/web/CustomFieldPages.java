package dev.tandem.crm.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.tandem.crm.CustomField;
import dev.tandem.crm.CustomFieldInput;
import dev.tandem.crm.CustomFieldKind;
import dev.tandem.crm.CustomFieldManagement;
import dev.tandem.crm.CustomFieldType;
import dev.tandem.people.CurrentUser;
import dev.tandem.platform.web.FormErrors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's custom fields: the list of every kind's fields with a form to add one, and a field's own page to change
 * its label, choices, position and whether it is active.
 */
@Controller
class CustomFieldPages {

	private static final String LIST = "crm/custom-fields";
	private static final String EDIT = "crm/custom-field";

	private final CustomFieldManagement fields;
	private final FormErrors formErrors;

	CustomFieldPages(CustomFieldManagement fields, FormErrors formErrors) {
		this.fields = fields;
		this.formErrors = formErrors;
	}

	@GetMapping("/admin/custom-fields")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		return list(me, model, new FieldForm(null, null, null, null, null, null, true), Map.of());
	}

	@PostMapping("/admin/custom-fields")
	String create(@AuthenticationPrincipal CurrentUser me, @ModelAttribute("form") FieldForm form, Model model,
			RedirectAttributes redirect) {
		return formErrors.submit(() -> {
			CustomField field = fields.create(me, form.input());
			redirect.addFlashAttribute("flash", formErrors.message("custom-fields.added", field.label()));
			return "redirect:/admin/custom-fields";
		}, errors -> list(me, model, form, errors));
	}

	@GetMapping("/admin/custom-fields/{id}")
	String edit(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, Model model) {
		CustomField field = fields.get(me, id);
		return edit(field, model, FieldForm.of(field), Map.of());
	}

	@PostMapping("/admin/custom-fields/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @ModelAttribute("form") FieldForm form,
			@RequestParam(required = false) @Nullable Integer version, Model model, RedirectAttributes redirect) {
		CustomField field = fields.get(me, id);
		return formErrors.submit(() -> {
			CustomField saved = fields.update(me, id, version == null ? -1 : version, form.input());
			redirect.addFlashAttribute("flash", formErrors.message("custom-fields.saved", saved.label()));
			return "redirect:/admin/custom-fields";
		}, errors -> edit(field, model, form, errors), errors -> {
			CustomField now = fields.get(me, id);
			return edit(now, model, FieldForm.of(now), errors);
		});
	}

	@PostMapping("/admin/custom-fields/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id,
			@RequestParam(required = false) @Nullable Integer version, RedirectAttributes redirect) {
		CustomField field = fields.get(me, id);
		if (formErrors.flash(redirect, () -> fields.update(me, id, version == null ? -1 : version,
				new CustomFieldInput(null, null, field.label(), null, field.choices(), field.position(), false)))) {
			redirect.addFlashAttribute("flash", formErrors.message("custom-fields.deactivated", field.label()));
		}
		return "redirect:/admin/custom-fields";
	}

	private String list(CurrentUser me, Model model, FieldForm form, Map<String, String> errors) {
		model.addAttribute("fields", fields.list(me, null, true));
		model.addAttribute("kinds", CustomFieldKind.values());
		model.addAttribute("types", CustomFieldType.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return LIST;
	}

	private String edit(CustomField field, Model model, FieldForm form, Map<String, String> errors) {
		model.addAttribute("field", field);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		return EDIT;
	}

	/** The form of a field; choices one per line or separated by commas. */
	record FieldForm(@Nullable CustomFieldKind kind, @Nullable String key, @Nullable String label, @Nullable CustomFieldType type,
			@Nullable String choices, @Nullable Integer position, boolean active) {

		static FieldForm of(CustomField field) {
			return new FieldForm(field.kind(), field.key(), field.label(), field.type(), String.join("\n", field.choices()),
					field.position(), field.active());
		}

		CustomFieldInput input() {
			List<String> list = choices == null ? List.of() : Arrays.stream(choices.split("[,\\n]")).map(String::trim)
				.filter(c -> !c.isEmpty()).toList();
			return new CustomFieldInput(kind, key, label, type, list, position, active);
		}
	}
}
