package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A line item as entered: without a unit price it takes the product's price in the organisation's currency, without a
 * discount none.
 */
public record NewDealLine(@Nullable UUID productId, @Nullable BigDecimal quantity, @Nullable BigDecimal unitPrice,
		@Nullable BigDecimal discountPercent) {
}
