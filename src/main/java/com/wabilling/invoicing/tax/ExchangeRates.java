package com.wabilling.invoicing.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * exchange-rates.csv (docs/invoice-documents.md 2): {@code date, currency, eur_rate}, the euros one unit of
 * the currency is worth on that date. Peppol needs the VAT total in EUR when an invoice is not in EUR;
 * the rate of the invoice date is used, and a missing one refuses the document. A rate must be
 * positive, one per currency and day, and within a factor of {@link #BAND} of the currency's previous
 * rate in the file: a typo (a shifted decimal point, a digit too many) is refused at load, naming the
 * lines (docs/billing-rules.md 4.2; docs/invoice-documents.md 2, 4).
 */
public final class ExchangeRates {

    /**
     * The plausible move from one rate to the next. The largest real one-day moves (the Argentine peso on
     * 2023-12-13, x2.2) stay inside; decimal slips (x10) do not.
     */
    static final BigDecimal BAND = BigDecimal.valueOf(3);

    /** One row; {@code line} is where it is in the file (0 when built in code). */
    public record Row(LocalDate date, String currency, BigDecimal eurRate, long line) {
        public Row(LocalDate date, String currency, BigDecimal eurRate) {
            this(date, currency, eurRate, 0);
        }
    }

    private final Map<String, Row> rates = new HashMap<>();

    public ExchangeRates(List<Row> rows) {
        for (Row r : rows) {
            if (r.eurRate().signum() <= 0) {
                throw new IllegalArgumentException("line " + r.line() + ", eur_rate: the rate of " + r.currency() + " on "
                        + r.date() + " must be positive: " + r.eurRate());
            }
            Row before = rates.putIfAbsent(r.date() + "|" + r.currency(), r);
            if (before != null) {
                // identical rows too: a repeated row is a file assembled twice or edited by hand; keeping one is easy
                throw new IllegalArgumentException("lines " + before.line() + " and " + r.line() + ": two rates of "
                        + r.currency() + " on " + r.date() + " (" + before.eurRate() + " and " + r.eurRate()
                        + "); keep the one that was published for that day");
            }
        }
        Map<String, List<Row>> byCurrency = rows.stream().collect(Collectors.groupingBy(Row::currency));
        byCurrency.values().forEach(ExchangeRates::refuseImplausibleMoves);
    }

    private static void refuseImplausibleMoves(List<Row> rows) {
        List<Row> byDate = rows.stream().sorted(Comparator.comparing(Row::date)).toList();
        for (int i = 1; i < byDate.size(); i++) {
            Row previous = byDate.get(i - 1);
            Row r = byDate.get(i);
            String move = r.eurRate().compareTo(previous.eurRate().multiply(BAND)) > 0 ? "more than 3 times"
                    : r.eurRate().multiply(BAND).compareTo(previous.eurRate()) < 0 ? "less than a third of" : null;
            if (move != null) {
                throw new IllegalArgumentException("line " + r.line() + ", eur_rate: the rate of " + r.currency() + " on "
                        + r.date() + " (" + r.eurRate() + ") is " + move + " the rate of " + previous.date() + " ("
                        + previous.eurRate() + ", line " + previous.line() + "): check both days against the published"
                        + " rates");
            }
        }
    }

    /** The rate of that date; refuses naming the date and currency when there is none. */
    public BigDecimal eurRate(String currency, LocalDate date) {
        if (currency.equals("EUR")) {
            return BigDecimal.ONE;
        }
        Row rate = rates.get(date + "|" + currency);
        if (rate == null) {
            throw new Vat.RefusedException("exchange-rates.csv has no EUR rate for " + currency + " on " + date
                    + " (the invoice date): Peppol needs the VAT total in EUR");
        }
        return rate.eurRate();
    }
}
