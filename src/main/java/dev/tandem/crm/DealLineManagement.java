package dev.tandem.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import dev.tandem.crm.persistence.DealLines;
import dev.tandem.crm.persistence.Products;
import dev.tandem.people.CurrentUser;
import dev.tandem.people.OrganisationManagement;
import dev.tandem.platform.FieldProblem;
import dev.tandem.platform.Ids;
import dev.tandem.platform.InvalidInputException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The line items of deals. Whoever may change a deal may change its lines; the lines are replaced as a whole, based
 * on the deal's version, and while a deal has lines their total is its amount, changed as any amount change is: kept
 * in the deal's history and published as {@link DealChanged}.
 */
@Service
public class DealLineManagement {

	/** The field a change of lines names in {@link DealChanges} and {@link DealChanged}. */
	public static final String LINES = "lines";

	private final DealLines lines;
	private final Products products;
	private final DealManagement deals;
	private final OrganisationManagement organisations;

	DealLineManagement(DealLines lines, Products products, DealManagement deals, OrganisationManagement organisations) {
		this.lines = lines;
		this.products = products;
		this.deals = deals;
		this.organisations = organisations;
	}

	public List<DealLine> lines(CurrentUser viewer, UUID dealId) {
		deals.get(viewer, dealId);
		return lines.ofDeal(viewer.orgId(), dealId);
	}

	/** The sum of the lines' totals, each rounded to cents first. */
	public static BigDecimal total(List<DealLine> lines) {
		return lines.stream().map(DealLine::total).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
	}

	/**
	 * Replaces the deal's lines by {@code entered}, in their order, if the deal is still at {@code version}. With
	 * lines the deal's amount becomes their total; with none left it keeps the amount it had, which may be edited again.
	 */
	@Transactional
	public Deal replace(CurrentUser user, UUID dealId, int version, List<NewDealLine> entered) {
		deals.get(user, dealId);
		String currency = organisations.get(user.orgId()).currency();
		List<FieldProblem> problems = new ArrayList<>();
		List<DealLine> checked = new ArrayList<>();
		for (int i = 0; i < entered.size(); i++) {
			NewDealLine line = entered.get(i);
			String at = "lines[" + i + "].";
			Product product = line.productId() == null ? null : products.find(user.orgId(), line.productId()).orElse(null);
			boolean known = product != null && (product.active() || wasOnDeal(user, dealId, product.id()));
			if (!known) {
				problems.add(new FieldProblem(at + "productId", "validation.product.unknown"));
			}
			if (line.quantity() == null || line.quantity().signum() <= 0) {
				problems.add(new FieldProblem(at + "quantity", "validation.line.quantity"));
			}
			BigDecimal discount = line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
			if (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0) {
				problems.add(new FieldProblem(at + "discountPercent", "validation.line.discount"));
			}
			BigDecimal price = line.unitPrice() != null ? line.unitPrice() : product == null ? null : product.priceIn(currency);
			if (price == null && known) {
				problems.add(new FieldProblem(at + "unitPrice", "validation.line.no-price"));
			}
			else if (price != null && price.signum() < 0) {
				problems.add(new FieldProblem(at + "unitPrice", "validation.amount.negative"));
			}
			if (known && price != null && price.signum() >= 0 && line.quantity() != null && line.quantity().signum() > 0) {
				checked.add(new DealLine(Ids.next(), product.id(), product.name(), i + 1, line.quantity(),
						price.setScale(2, RoundingMode.HALF_UP), discount.setScale(2, RoundingMode.HALF_UP)));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		lines.replace(user.orgId(), dealId, checked);
		Set<String> changed = checked.isEmpty() ? Set.of(LINES) : Set.of(LINES, "amount");
		return deals.update(user, dealId, new DealChanges(version, changed, null, checked.isEmpty() ? null : total(checked), null,
				null, null, null, null, null, null));
	}

	private boolean wasOnDeal(CurrentUser user, UUID dealId, UUID productId) {
		return lines.ofDeal(user.orgId(), dealId).stream().anyMatch(l -> l.productId().equals(productId));
	}
}
