package dev.tandem.crm;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.UUID;

/**
 * A line item of a deal: so many units of a product at a unit price less a discount in percent. Its total is rounded
 * to cents half up, line by line, so the deal's amount is the sum of what each line shows.
 */
public record DealLine(UUID id, UUID productId, String productName, int position, BigDecimal quantity, BigDecimal unitPrice,
		BigDecimal discountPercent) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public BigDecimal total() {
		return total(quantity, unitPrice, discountPercent);
	}

	static BigDecimal total(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
		BigDecimal kept = HUNDRED.subtract(discountPercent);
		return quantity.multiply(unitPrice).multiply(kept).divide(HUNDRED).setScale(2, RoundingMode.HALF_UP);
	}
}
