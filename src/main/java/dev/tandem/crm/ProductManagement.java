package dev.tandem.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.crm.persistence.Products;
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
 * The product catalogue: everyone of the organisation reads it, only an admin adds, changes or deactivates a
 * product. Prices are kept per currency, rounded to cents half up; a change is based on the product's version.
 */
@Service
public class ProductManagement {

	private final Products products;
	private final Clock clock;

	ProductManagement(Products products, Clock clock) {
		this.products = products;
		this.clock = clock;
	}

	/** The catalogue by name: active products only, unless {@code withInactive}. */
	public List<Product> list(CurrentUser viewer, boolean withInactive) {
		return products.list(viewer.orgId(), withInactive);
	}

	public Product get(CurrentUser viewer, UUID id) {
		return products.find(viewer.orgId(), id).orElseThrow(() -> new RecordNotFoundException("product", id));
	}

	@Transactional
	public Product create(CurrentUser admin, ProductInput input) {
		requireAdmin(admin);
		UUID id = Ids.next();
		Checked checked = check(admin, input, null);
		products.insert(admin.orgId(), id, checked.name(), checked.code(), input.active(), clock.instant(), admin.displayName());
		products.replacePrices(admin.orgId(), id, checked.prices());
		return get(admin, id);
	}

	@Transactional
	public Product update(CurrentUser admin, UUID id, int version, ProductInput input) {
		requireAdmin(admin);
		Product current = get(admin, id);
		if (current.version() != version) {
			throw conflict(current);
		}
		Checked checked = check(admin, input, id);
		Instant now = clock.instant();
		if (!products.update(admin.orgId(), id, version, checked.name(), checked.code(), input.active(), now, admin.displayName())) {
			throw conflict(get(admin, id));
		}
		products.replacePrices(admin.orgId(), id, checked.prices());
		return get(admin, id);
	}

	/** Takes the product off the catalogue; the deals that sold it keep their lines. */
	@Transactional
	public Product deactivate(CurrentUser admin, UUID id, int version) {
		Product current = get(admin, id);
		return update(admin, id, version, new ProductInput(current.name(), current.code(), false, current.prices()));
	}

	private record Checked(String name, @Nullable String code, Map<String, BigDecimal> prices) {
	}

	private Checked check(CurrentUser admin, ProductInput input, @Nullable UUID except) {
		List<FieldProblem> problems = new ArrayList<>();
		String name = input.name() == null ? "" : input.name().trim();
		String code = input.code() == null || input.code().isBlank() ? null : input.code().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "jakarta.validation.constraints.NotBlank.message"));
		}
		else if (products.taken(admin.orgId(), "name", name, except)) {
			problems.add(new FieldProblem("name", "validation.product.name-taken"));
		}
		if (code != null && products.taken(admin.orgId(), "code", code, except)) {
			problems.add(new FieldProblem("code", "validation.product.code-taken"));
		}
		Map<String, BigDecimal> prices = new TreeMap<>();
		input.prices().forEach((currency, price) -> {
			String iso = currency == null ? "" : currency.trim().toUpperCase(java.util.Locale.ROOT);
			if (!isCurrency(iso)) {
				problems.add(new FieldProblem("prices", "validation.currency.unknown"));
			}
			else if (price == null || price.signum() < 0) {
				problems.add(new FieldProblem("prices", "validation.amount.negative"));
			}
			else {
				prices.put(iso, price.setScale(2, RoundingMode.HALF_UP));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new Checked(name, code, prices);
	}

	/** Whether {@code iso} is a three-letter ISO 4217 currency code Java knows, such as {@code EUR}; the rule of every price. */
	public static boolean isCurrency(String iso) {
		try {
			return iso.length() == 3 && Currency.getInstance(iso) != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static void requireAdmin(CurrentUser user) {
		if (!user.isAdmin()) {
			throw new AccessDeniedException("admins only");
		}
	}

	private static ConcurrentEditException conflict(Product now) {
		return new ConcurrentEditException("product", now.updatedBy(), now.updatedAt());
	}
}
