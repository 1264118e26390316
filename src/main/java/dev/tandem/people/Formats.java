package dev.tandem.people;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Money, dates and times as templates show them ({@code ${@fmt.money(deal.amount)}}): in the user's
 * language, in the organisation's currency and time zone.
 */
@Component("fmt")
public class Formats {

	private final OrganisationManagement organisations;
	private final Map<UUID, Organisation> cache = new ConcurrentHashMap<>();

	Formats(OrganisationManagement organisations) {
		this.organisations = organisations;
	}

	public String money(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(Currency.getInstance(organisation() == null ? "EUR" : organisation().currency()));
		format.setMaximumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
		format.setMinimumFractionDigits(amount.stripTrailingZeros().scale() > 0 ? 2 : 0);
		return format.format(amount);
	}

	/** An amount in another currency than the organisation's, e.g. a price list's ("US$ 1,300.00"). */
	public String moneyIn(@Nullable BigDecimal amount, String currency) {
		if (amount == null) {
			return "–";
		}
		NumberFormat format = NumberFormat.getCurrencyInstance(locale());
		format.setCurrency(Currency.getInstance(currency));
		return format.format(amount);
	}

	/** An amount in whole units of the currency ("€ 10.556"), for projections and averages. */
	public String whole(@Nullable BigDecimal amount) {
		return amount == null ? "–" : money(amount.setScale(0, java.math.RoundingMode.HALF_UP));
	}

	/** An amount for tight places: whole units, and above 100,000 in thousands ("€ 1.234k"). */
	public String compact(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "–";
		}
		if (amount.abs().compareTo(BigDecimal.valueOf(100_000)) < 0) {
			return money(amount.setScale(0, java.math.RoundingMode.HALF_UP));
		}
		return money(amount.divide(BigDecimal.valueOf(1000), 0, java.math.RoundingMode.HALF_UP)) + "k";
	}

	public String date(@Nullable LocalDate date) {
		return date == null ? "–" : date.format(DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()));
	}

	public String dateTime(@Nullable Instant at) {
		return at == null ? "–" : at.atZone(zone()).format(DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
			.withLocale(locale()));
	}

	public String time(@Nullable Instant at) {
		return at == null ? "" : at.atZone(zone()).format(DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale()));
	}

	public LocalDate day(Instant at) {
		return at.atZone(zone()).toLocalDate();
	}

	/** The value of a money field, as its reader writes amounts: {@code 7.500,00} in Dutch, {@code 7,500.00} in English. */
	public String moneyInput(@Nullable BigDecimal amount) {
		if (amount == null) {
			return "";
		}
		NumberFormat format = NumberFormat.getNumberInstance(locale());
		format.setMinimumFractionDigits(2);
		format.setMaximumFractionDigits(2);
		return format.format(amount);
	}

	/** The value for an {@code <input type="number">}: plain digits, no trailing zeros ("11500", "99.5"). */
	public String input(@Nullable BigDecimal amount) {
		return amount == null ? "" : amount.stripTrailingZeros().toPlainString();
	}

	/** The value for an {@code <input type="datetime-local">}. */
	public String inputDateTime(@Nullable Instant at) {
		return at == null ? "" : at.atZone(zone()).toLocalDateTime().withSecond(0).withNano(0).toString();
	}

	/** The organisation's time zone, for the signed-in user. */
	public ZoneId zone() {
		Organisation org = organisation();
		return org == null ? ZoneId.of("UTC") : org.timeZone();
	}

	private Locale locale() {
		Locale locale = LocaleContextHolder.getLocale();
		return "nl".equals(locale.getLanguage()) ? Locale.forLanguageTag("nl-NL") : Locale.forLanguageTag("en-GB");
	}

	private @Nullable Organisation organisation() {
		Authentication auth = SecurityContextHolder.getContext().getAuthentication();
		if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
			return null;
		}
		return cache.computeIfAbsent(user.orgId(), organisations::get);
	}
}
