package com.wabilling.invoicing.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * exchange-rates.csv (invoice-documents.md 2): {@code date, currency, eur_rate}, the euros one unit of
 * the currency is worth on that date. Peppol needs the VAT total in EUR when an invoice is not in EUR;
 * the rate of the invoice date is used, and a missing one refuses the document.
 */
public final class ExchangeRates {

    public record Row(LocalDate date, String currency, BigDecimal eurRate) {
    }

    private final Map<String, BigDecimal> rates = new HashMap<>();

    public ExchangeRates(List<Row> rows) {
        for (Row r : rows) {
            if (r.eurRate().signum() <= 0) {
                throw new IllegalArgumentException("exchange-rates.csv: the rate of " + r.currency() + " on " + r.date()
                        + " must be positive: " + r.eurRate());
            }
            rates.put(r.date() + "|" + r.currency(), r.eurRate());
        }
    }

    /** The rate of that date; refuses naming the date and currency when there is none. */
    public BigDecimal eurRate(String currency, LocalDate date) {
        if (currency.equals("EUR")) {
            return BigDecimal.ONE;
        }
        BigDecimal rate = rates.get(date + "|" + currency);
        if (rate == null) {
            throw new Vat.RefusedException("exchange-rates.csv has no EUR rate for " + currency + " on " + date
                    + " (the invoice date): Peppol needs the VAT total in EUR");
        }
        return rate;
    }
}
