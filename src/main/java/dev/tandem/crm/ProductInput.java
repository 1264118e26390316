package dev.tandem.crm;

import java.math.BigDecimal;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A product as an admin enters it: name, optional code, whether it is offered, and its price list (ISO currency code
 * to unit price); the whole price list replaces the one before.
 */
public record ProductInput(@Nullable String name, @Nullable String code, boolean active, Map<String, BigDecimal> prices) {
}
