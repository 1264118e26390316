package dev.tandem.crm.web;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import dev.tandem.crm.Product;
import dev.tandem.crm.ProductInput;
import dev.tandem.crm.ProductManagement;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.InvalidInputException;
import dev.tandem.platform.web.FormErrors;
import dev.tandem.platform.web.NavigationContributor;
import dev.tandem.platform.web.NavigationItem;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin's product catalogue: every product with its code, price per currency and whether it is offered; adding,
 * changing (based on the version read, a stale one told who changed it) and deactivating.
 */
@Controller
class ProductPages implements NavigationContributor {

	private final ProductManagement products;
	private final OrganisationManagement organisations;
	private final FormErrors formErrors;

	ProductPages(ProductManagement products, OrganisationManagement organisations, FormErrors formErrors) {
		this.products = products;
		this.organisations = organisations;
		this.formErrors = formErrors;
	}

	@Override
	public List<NavigationItem> navigationItems() {
		return List.of(new NavigationItem("nav.products", "/admin/products", 93, "ROLE_ADMIN"));
	}

	@GetMapping("/admin/products")
	String list(@AuthenticationPrincipal CurrentUser me, Model model) {
		requireAdmin(me);
		List<Product> catalogue = products.list(me, true);
		TreeSet<String> currencies = new TreeSet<>();
		currencies.add(organisations.get(me.orgId()).currency());
		catalogue.forEach(p -> currencies.addAll(p.prices().keySet()));
		model.addAttribute("products", catalogue);
		model.addAttribute("currencies", List.copyOf(currencies));
		model.addAttribute("orgCurrency", organisations.get(me.orgId()).currency());
		if (!model.containsAttribute("errors")) {
			model.addAttribute("errors", Map.of());
		}
		return "crm/products";
	}

	@PostMapping("/admin/products")
	String create(@AuthenticationPrincipal CurrentUser me, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) @Nullable String code,
			@RequestParam(name = "priceCurrency", required = false) @Nullable List<String> priceCurrencies,
			@RequestParam(name = "priceAmount", required = false) @Nullable List<String> priceAmounts, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> products.create(me, new ProductInput(name, code, true, prices(priceCurrencies, priceAmounts))))) {
			redirect.addFlashAttribute("flash", formErrors.message("product.created", name.trim()));
		}
		return "redirect:/admin/products";
	}

	@PostMapping("/admin/products/{id}")
	String update(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			@RequestParam(defaultValue = "") String name, @RequestParam(required = false) @Nullable String code,
			@RequestParam(defaultValue = "false") boolean active,
			@RequestParam(name = "priceCurrency", required = false) @Nullable List<String> priceCurrencies,
			@RequestParam(name = "priceAmount", required = false) @Nullable List<String> priceAmounts, RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> products.update(me, id, version,
				new ProductInput(name, code, active, prices(priceCurrencies, priceAmounts))))) {
			redirect.addFlashAttribute("flash", formErrors.message("product.saved", name.trim()));
		}
		return "redirect:/admin/products#product-" + id;
	}

	@PostMapping("/admin/products/{id}/deactivate")
	String deactivate(@AuthenticationPrincipal CurrentUser me, @PathVariable UUID id, @RequestParam int version,
			RedirectAttributes redirect) {
		if (formErrors.flash(redirect, () -> products.deactivate(me, id, version))) {
			redirect.addFlashAttribute("flash", formErrors.message("product.deactivated", products.get(me, id).name()));
		}
		return "redirect:/admin/products#product-" + id;
	}

	/** The price list as typed: pairs of currency and price, a pair with an empty price left out. */
	private static Map<String, BigDecimal> prices(@Nullable List<String> currencies, @Nullable List<String> amounts) {
		Map<String, BigDecimal> prices = new LinkedHashMap<>();
		List<String> isos = currencies == null ? List.of() : currencies;
		List<String> values = amounts == null ? List.of() : amounts;
		List<dev.tandem.platform.FieldProblem> problems = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			String value = values.get(i) == null ? "" : values.get(i).trim();
			String iso = i < isos.size() && isos.get(i) != null ? isos.get(i).trim() : "";
			if (value.isEmpty()) {
				continue;
			}
			try {
				prices.put(iso, new BigDecimal(value.replace(',', '.')));
			}
			catch (NumberFormatException ex) {
				problems.add(new dev.tandem.platform.FieldProblem("prices", "validation.expected.number"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return prices;
	}

	private static void requireAdmin(CurrentUser me) {
		if (!me.isAdmin()) {
			throw new AccessDeniedException("Only an admin keeps the product catalogue");
		}
	}
}
