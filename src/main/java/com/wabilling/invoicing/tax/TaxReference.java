package com.wabilling.invoicing.tax;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import com.wabilling.pricing.ReferenceFiles;

/**
 * The reference files of invoice documents (docs/invoice-documents.md): seller.properties, the buyer columns
 * of accounts.csv, vat-rates.csv and exchange-rates.csv, in the reference directory.
 */
public final class TaxReference {

    private static final String REFERENCE_FIX = com.wabilling.support.Refusal.fixThenSameCommand(
            "the reference file named above");

    static final List<String> SELLER_KEYS = List.of("legal_name", "street", "city", "postal_code", "country_code",
            "vat_id", "registration_id", "iban", "bic", "peppol_endpoint", "payment_terms_days");

    private final Path directory;
    private final ReferenceFiles files;

    public TaxReference(Path directory) {
        this(new ReferenceFiles(directory));
    }

    /** Reads through {@code files}, a job's snapshot of the reference folder. */
    public TaxReference(ReferenceFiles files) {
        this.directory = files.directory();
        this.files = files;
    }

    /** Refuses a missing file or missing keys, naming every one. */
    public Seller seller() {
        Path file = directory.resolve("seller.properties");
        if (!Files.isRegularFile(file)) {
            throw new com.wabilling.support.Refusal("reference file " + file + " not found: invoice documents need the"
                    + " seller (the BSP): " + String.join(", ", SELLER_KEYS), REFERENCE_FIX);
        }
        Properties p = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') { // a byte order mark (editors on Windows write one) is no key
                reader.reset();
            }
            p.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        List<String> missing = SELLER_KEYS.stream().filter(k -> p.getProperty(k, "").isBlank()).toList();
        if (!missing.isEmpty()) {
            throw new com.wabilling.support.Refusal(file + " lacks " + String.join(", ", missing), REFERENCE_FIX);
        }
        String terms = p.getProperty("payment_terms_days").strip();
        if (!terms.matches("\\d{1,3}")) {
            throw new com.wabilling.support.Refusal(file + ": payment_terms_days must be a number of days: " + terms, REFERENCE_FIX);
        }
        return new Seller(v(p, "legal_name"), v(p, "street"), v(p, "city"), v(p, "postal_code"),
                v(p, "country_code").toUpperCase(Locale.ROOT), v(p, "vat_id"), v(p, "registration_id"), v(p, "iban"),
                v(p, "bic"), v(p, "peppol_endpoint"), Integer.parseInt(terms));
    }

    private static String v(Properties p, String key) {
        return p.getProperty(key).strip();
    }

    /** The buyer's text columns, bounded and free of control characters (docs/invoice-documents.md 1). */
    static final List<String> BUYER_TEXT = List.of("legal_name", "street", "city", "postal_code", "vat_id",
            "buyer_reference");
    static final int MAX_BUYER_TEXT = 300;

    /** The buyer columns of accounts.csv by waba_id (all optional). */
    public Map<String, Buyer> buyers() {
        Map<String, Buyer> buyers = new HashMap<>();
        files.read("accounts.csv", List.of("waba_id"), r -> {
            String country = r.getOrDefault("country_code", "").strip().toUpperCase(Locale.ROOT);
            if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
                throw new IllegalArgumentException("country_code must be ISO 3166-1 alpha-2: '" + country + "'");
            }
            String endpoint = r.getOrDefault("peppol_endpoint", "").strip();
            if (!endpoint.isEmpty() && !endpoint.matches("\\d{4}:\\S+")) {
                throw new IllegalArgumentException("peppol_endpoint must be scheme:id (e.g. 0106:12345678): '"
                        + endpoint + "'");
            }
            for (String column : BUYER_TEXT) {
                String value = get(r, column);
                if (value.length() > MAX_BUYER_TEXT) { // a PDF line would clip it while the Peppol file carries it all
                    throw new IllegalArgumentException(column + " is " + value.length() + " characters long, at most "
                            + MAX_BUYER_TEXT);
                }
                int control = value.codePoints().filter(Character::isISOControl).findFirst().orElse(-1);
                if (control >= 0) { // an XML document cannot carry it
                    throw new IllegalArgumentException(column + " holds the control character U+"
                            + String.format("%04X", control) + "; remove it");
                }
            }
            buyers.put(r.get("waba_id"), new Buyer(r.get("waba_id"), get(r, "legal_name"), get(r, "street"),
                    get(r, "city"), get(r, "postal_code"), country, get(r, "vat_id"), endpoint,
                    get(r, "buyer_reference")));
        });
        return buyers;
    }

    private static LocalDate date(String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("not a date YYYY-MM-DD: '" + value + "'");
        }
    }

    private static String get(Map<String, String> row, String column) {
        return row.getOrDefault(column, "").strip();
    }

    /**
     * vat-rates.csv: country_code, effective_from, standard_rate (percent, 0 to 100). Refusals name the file,
     * the record and line, and the column; two rows of one country and date name both lines.
     */
    public VatRates vatRates() {
        List<VatRates.Row> rows = new ArrayList<>();
        files.read("vat-rates.csv", List.of("country_code", "effective_from", "standard_rate"), (line, r) -> {
            BigDecimal rate = decimal("standard_rate", r.get("standard_rate"));
            if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("standard_rate must be a percentage from 0 to 100: " + rate);
            }
            rows.add(new VatRates.Row(r.get("country_code").strip().toUpperCase(Locale.ROOT),
                    date(r.get("effective_from")), rate, line));
        });
        try {
            return new VatRates(rows);
        } catch (IllegalArgumentException e) {
            throw new com.wabilling.support.Refusal(directory.resolve("vat-rates.csv") + " " + e.getMessage(), REFERENCE_FIX);
        }
    }

    /**
     * exchange-rates.csv: date, currency, eur_rate (euros per unit of the currency, positive). Two rows of one
     * day and currency, or a rate far from the currency's previous one, are refused naming both lines.
     */
    public ExchangeRates exchangeRates() {
        List<ExchangeRates.Row> rows = new ArrayList<>();
        files.read("exchange-rates.csv", List.of("date", "currency", "eur_rate"), (line, r) -> {
            BigDecimal rate = decimal("eur_rate", r.get("eur_rate"));
            if (rate.signum() <= 0) {
                throw new IllegalArgumentException("eur_rate must be positive (euros per unit of the currency): " + rate);
            }
            rows.add(new ExchangeRates.Row(date(r.get("date")), r.get("currency").strip().toUpperCase(Locale.ROOT),
                    rate, line));
        });
        try {
            return new ExchangeRates(rows);
        } catch (IllegalArgumentException e) {
            throw new com.wabilling.support.Refusal(directory.resolve("exchange-rates.csv") + " " + e.getMessage(), REFERENCE_FIX);
        }
    }

    private static BigDecimal decimal(String column, String value) {
        try {
            return new BigDecimal(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a decimal number: '" + value + "'");
        }
    }
}
