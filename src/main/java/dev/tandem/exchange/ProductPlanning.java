package dev.tandem.exchange;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import dev.tandem.crm.BulkLoadRows;
import dev.tandem.crm.ProductManagement;
import dev.tandem.exchange.ImportSettings.DecimalMark;
import dev.tandem.platform.Ids;
import org.jspecify.annotations.Nullable;

import static dev.tandem.exchange.CrmPlanning.blank;
import static dev.tandem.exchange.PlanContext.CREATED;
import static dev.tandem.exchange.PlanContext.SKIPPED;

/**
 * Reads the product catalogue and the line items of deals out of a full export. A product the catalogue has already
 * (the same id, or a name or code spelled alike, see {@link PlanContext#productKey}) is kept as it is, whatever the
 * choice for duplicates: prices are the organisation's, not an old file's. Line items are read for the deals the import
 * creates, as their history and buying groups are; the deals it updates keep their lines.
 */
final class ProductPlanning {

	private final PlanContext ctx;
	private final CrmPlanning crm;
	private final DealPlanning deals;
	/** The next position on each deal the import gives lines. */
	private final Map<UUID, Integer> positions = new HashMap<>();

	ProductPlanning(PlanContext ctx, CrmPlanning crm, DealPlanning deals) {
		this.ctx = ctx;
		this.crm = crm;
		this.deals = deals;
	}

	/** A product: name, code, whether it is offered, and its prices as {@code EUR:1200.00;USD:1300.00}. */
	void product(Row row) {
		String name = row.get("name").trim();
		crm.required(row, "name", name);
		String code = blank(row.get("code").trim());
		Boolean active = ctx.yesNo(row, "active", true);
		Map<String, BigDecimal> prices = prices(row);
		if (row.failed || name.isEmpty() || active == null || prices == null) {
			return;
		}
		UUID existing = existing(row.get("id"), name, code);
		if (existing != null) {
			ctx.count(EntityKind.PRODUCTS, SKIPPED);
			return;
		}
		UUID id = Ids.next();
		ctx.writes.newProducts.add(new BulkLoadRows.ProductRow(id, name, code, active, prices, ctx.now));
		ctx.known.productIds.add(id);
		ctx.known.productsByKey.put(PlanContext.productKey(name), id);
		if (code != null) {
			ctx.known.productsByKey.putIfAbsent(PlanContext.productKey(code), id);
		}
		ctx.count(EntityKind.PRODUCTS, CREATED);
	}

	private @Nullable UUID existing(String id, String name, @Nullable String code) {
		try {
			UUID given = id.isBlank() ? null : UUID.fromString(id.trim());
			if (given != null && ctx.known.productIds.contains(given)) {
				return given;
			}
		}
		catch (IllegalArgumentException notOurs) {
			// another system's id: the name and code tell
		}
		UUID byName = ctx.known.productsByKey.get(PlanContext.productKey(name));
		return byName != null || code == null ? byName : ctx.known.productsByKey.get(PlanContext.productKey(code));
	}

	/** {@code EUR:1200.00;USD:1300.00}: an ISO currency and a price not below zero, each currency once. */
	private @Nullable Map<String, BigDecimal> prices(Row row) {
		Map<String, BigDecimal> prices = new TreeMap<>();
		DecimalMark mark = ctx.decimalMark == null || ctx.decimalMark == DecimalMark.AUTO ? DecimalMark.POINT : ctx.decimalMark;
		for (String part : row.get("prices").split(";")) {
			if (part.isBlank()) {
				continue;
			}
			String[] pair = part.trim().split("[:=\\s]+", 2);
			String currency = pair[0].toUpperCase(Locale.ROOT);
			BigDecimal price = pair.length < 2 ? null : ValueParsers.amount(pair[1], mark);
			if (!ProductManagement.isCurrency(currency) || price == null || price.signum() < 0 || prices.containsKey(currency)) {
				ctx.problem(row, "prices", "exchange.rule.prices");
				return null;
			}
			prices.put(currency, price.setScale(2, RoundingMode.HALF_UP));
		}
		return prices;
	}

	/** A line of a deal: its product by name or code, how many, at which unit price and discount. */
	void line(Row row) {
		UUID dealId = crm.reference(row, "dealId", EntityKind.DEALS);
		crm.required(row, "product", row.get("product"));
		UUID productId = row.get("product").isEmpty() ? null : ctx.product(row.get("product"));
		BigDecimal quantity = ctx.requiredAmount(row, "quantity", true);
		BigDecimal unitPrice = ctx.requiredAmount(row, "unitPrice", false);
		BigDecimal discount = row.get("discount").isEmpty() ? BigDecimal.ZERO : ctx.amount(row, "discount");
		if (discount != null && discount.compareTo(BigDecimal.valueOf(100)) > 0) {
			ctx.problem(row, "discount", "exchange.rule.range", 0, 100);
			discount = null;
		}
		if (row.failed || dealId == null || productId == null || quantity == null || unitPrice == null || discount == null) {
			return;
		}
		if (!deals.created(dealId)) {
			ctx.count(EntityKind.DEAL_LINES, SKIPPED);
			return;
		}
		int position = positions.merge(dealId, 1, Integer::sum);
		ctx.writes.lines.add(new BulkLoadRows.LineRow(Ids.next(), dealId, productId, position, quantity,
				unitPrice.setScale(2, RoundingMode.HALF_UP), discount.setScale(2, RoundingMode.HALF_UP)));
		ctx.count(EntityKind.DEAL_LINES, CREATED);
	}
}
