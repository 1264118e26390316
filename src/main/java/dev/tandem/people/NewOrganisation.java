package dev.tandem.people;

/**
 * What it takes to open an organisation: its name, time zone, currency (ISO 4217), language and
 * the month (1-12) its fiscal year starts.
 */
public record NewOrganisation(String name, String timeZone, String currency, String locale, int fiscalYearStartMonth) {
}
