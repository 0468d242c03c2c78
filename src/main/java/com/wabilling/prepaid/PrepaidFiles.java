package com.wabilling.prepaid;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.wabilling.pricing.ReferenceFiles;

/**
 * accounts.csv's optional billing column and the optional payments.csv (docs/formats.md), read like every reference
 * file: a bad row stops the job naming file, record, line and column.
 */
public final class PrepaidFiles {

    public static final String PAYMENTS = "payments.csv";
    static final List<String> PAYMENT_COLUMNS = List.of("payment_id", "waba_id", "received_at", "amount", "currency");

    private final Path directory;
    private final ReferenceFiles files;

    public PrepaidFiles(Path directory) {
        this(new ReferenceFiles(directory));
    }

    /** Reads through {@code files}, a job's snapshot of the reference folder. */
    public PrepaidFiles(ReferenceFiles files) {
        this.directory = files.directory();
        this.files = files;
    }

    public PrepaidTerms terms() {
        Set<String> prepaid = new HashSet<>();
        Map<String, String> currencies = new HashMap<>();
        files.read("accounts.csv", List.of("waba_id", "currency"), (line, r) -> {
            String billing = r.getOrDefault("billing", "").trim().toLowerCase(Locale.ROOT);
            String waba = r.get("waba_id").trim();
            currencies.put(waba, r.get("currency").trim());
            if (billing.equals("prepaid")) {
                prepaid.add(waba);
            } else if (!billing.isEmpty() && !billing.equals("postpaid")) {
                throw new IllegalArgumentException("billing must be postpaid (the default) or prepaid: '"
                        + r.get("billing") + "'");
            }
        });
        return new PrepaidTerms(prepaid, payments(currencies));
    }

    /** payments.csv: a payment_id read twice with the same values is one payment; with other values refused. */
    private List<Payment> payments(Map<String, String> currencies) {
        if (!Files.isRegularFile(directory.resolve(PAYMENTS))) {
            return List.of();
        }
        Map<String, Payment> byId = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        Map<String, List<String>> valuesOf = new HashMap<>();
        files.read(PAYMENTS, PAYMENT_COLUMNS, (line, r) -> {
            // one id, one payment, whoever it is for: checked before rows of other accounts are passed over
            List<String> values = comparable(r);
            List<String> seen = valuesOf.putIfAbsent(r.get("payment_id").trim(), values);
            if (seen != null && !seen.equals(values)) {
                throw new IllegalArgumentException("payment_id " + r.get("payment_id").trim() + " was read on line "
                        + lineOf.get(r.get("payment_id").trim()) + " with other values: one id is one payment");
            }
            lineOf.putIfAbsent(r.get("payment_id").trim(), line);
            if (!currencies.containsKey(r.get("waba_id").trim())) {
                return; // docs/formats.md, payments.csv: accounts.csv decides whose payments are read
            }
            Payment p = row(r, currencies);
            Payment before = byId.putIfAbsent(p.paymentId(), p);
            if (before == null) {
                lineOf.put(p.paymentId(), line);
            } else if (!before.sameAs(p)) {
                throw new IllegalArgumentException("payment_id " + p.paymentId() + " was read on line "
                        + lineOf.get(p.paymentId()) + " with other values: one id is one payment");
            }
        });
        return new ArrayList<>(byId.values());
    }

    /** A row's values as compared between two rows of one payment_id: the instant and the amount as numbers. */
    private static List<String> comparable(Map<String, String> r) {
        String received = r.get("received_at").trim();
        String amount = r.get("amount").trim();
        try {
            received = OffsetDateTime.parse(received).toInstant().toString();
        } catch (DateTimeParseException e) {
            // compared as written; the row of a known account is refused for it below
        }
        try {
            amount = new java.math.BigDecimal(amount).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            // likewise
        }
        return List.of(r.get("waba_id").trim(), received, amount, r.get("currency").trim());
    }

    private static Payment row(Map<String, String> r, Map<String, String> currencies) {
        String id = r.get("payment_id").trim();
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}")) {
            throw new IllegalArgumentException("payment_id must be 1 to 64 letters, digits, '_', '.', ':' or '-': '"
                    + id + "'");
        }
        String waba = r.get("waba_id").trim();
        String accountCurrency = currencies.get(waba);
        Instant received;
        try {
            received = OffsetDateTime.parse(r.get("received_at").trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("received_at is not an ISO-8601 instant with Z or an offset: '"
                    + r.get("received_at") + "'");
        }
        String currency = r.get("currency").trim();
        if (!currency.equals(accountCurrency)) {
            throw new IllegalArgumentException("currency " + currency + " is not the account's currency "
                    + accountCurrency + " (waba_id " + waba + ")");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(r.get("amount").trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("amount is not a decimal number: '" + r.get("amount") + "'");
        }
        int digits = Currency.getInstance(currency).getDefaultFractionDigits();
        if (amount.signum() == 0 || amount.stripTrailingZeros().scale() > digits
                || amount.abs().compareTo(new BigDecimal("100000000")) > 0) {
            throw new IllegalArgumentException("amount must be a top-up (positive) or a refund (negative), not 0,"
                    + " with up to " + digits + " decimals, at most 100000000 either way: " + r.get("amount"));
        }
        return new Payment(id, waba, received, amount.setScale(digits), currency);
    }
}
