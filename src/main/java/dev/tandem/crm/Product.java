package dev.tandem.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.jspecify.annotations.Nullable;

/**
 * A product of the organisation's catalogue, with its unit price per currency (ISO code to price). An inactive
 * product stays on the lines that sold it but is offered for no new line.
 */
public record Product(UUID id, String name, @Nullable String code, boolean active, Map<String, BigDecimal> prices,
		Instant updatedAt, @Nullable String updatedBy, int version) {

	/** The unit price in {@code currency}, if the price list has one. */
	public @Nullable BigDecimal priceIn(String currency) {
		return prices.get(currency);
	}
}
