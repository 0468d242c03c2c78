package com.wabilling.pricing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import com.wabilling.support.csv.CsvHeader;
import com.wabilling.support.csv.MissingColumnException;

/**
 * Reads the small reference files of WA_BILLING_REFERENCE_DIR (accounts, markets, rate card).
 * Unlike exports they are configuration: any bad row stops the job, naming file, record and field.
 * One instance is a snapshot of the folder: it parses each file at most once and keeps what it read,
 * so that every step of a job sees the same files. Each job execution gets one (WaBillingConfiguration,
 * job-scoped); a resumed run reads the files again. Not final: the job scope proxies it.
 */
public class ReferenceFiles {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true).setTrim(true).get();

    /** docs/formats.md, accounts.csv: below -100 % an invoice would charge less than nothing. */
    private static final BigDecimal MIN_MARKUP_PERCENT = BigDecimal.valueOf(-100);

    private final Path directory;
    /** What was read, by file (records) or by view (accounts(), markets(), ...); kept only once read whole. */
    private final Map<String, Object> read = new HashMap<>();

    public ReferenceFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The view {@code name}, made once; a failure is not kept, so the next call names it again. */
    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<T> make) {
        T value = (T) read.get(name);
        if (value == null) {
            value = make.get();
            read.put(name, value);
        }
        return value;
    }

    public MarketTable markets() {
        return once("markets()", this::readMarkets);
    }

    private MarketTable readMarkets() {
        MarketTable.Builder builder = new MarketTable.Builder();
        read("markets.csv", List.of("calling_code", "market"), r -> {
            String code = r.getOrDefault("calling_code", "").replace("+", "");
            if (!code.matches("\\d{1,4}")) {
                throw new IllegalArgumentException("calling_code must be 1 to 4 digits: '" + code + "'");
            }
            String market = r.getOrDefault("market", "");
            if (market.isEmpty()) {
                throw new IllegalArgumentException("market is empty");
            }
            builder.add(code, market);
            String country = r.getOrDefault("iso_country", "");
            if (!country.isEmpty()) {
                if (!country.matches("[A-Za-z]{2}")) {
                    throw new IllegalArgumentException("iso_country must be an ISO 3166-1 alpha-2 code: '" + country
                            + "'");
                }
                builder.addCountry(country.toUpperCase(java.util.Locale.ROOT), market);
            }
        });
        return builder.build();
    }

    /**
     * accounts.csv: waba_id, account_name, timezone, currency, markup_percent (default 0), portfolio_id
     * (default waba_id).
     */
    public List<BillingAccount> accounts() {
        return once("accounts()", this::readAccounts);
    }

    private List<BillingAccount> readAccounts() {
        List<BillingAccount> accounts = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        read("accounts.csv", List.of("waba_id", "account_name", "timezone", "currency"), r -> {
            String waba = r.get("waba_id");
            if (!waba.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("waba_id must be digits: '" + waba + "'");
            }
            if (!seen.add(waba)) {
                throw new IllegalArgumentException("waba_id " + waba + " appears twice");
            }
            ZoneId zone;
            try {
                zone = ZoneId.of(r.get("timezone"));
            } catch (DateTimeException e) {
                throw new IllegalArgumentException("timezone is not an IANA zone: '" + r.get("timezone") + "'");
            }
            if (zone instanceof java.time.ZoneOffset || r.get("timezone").matches("(?i)(UTC|GMT|UT)[+-].*")) {
                // a fixed offset knows no daylight saving time: the account's month edges would drift by an hour
                throw new IllegalArgumentException("timezone must be an IANA zone such as Asia/Kathmandu or"
                        + " Europe/Amsterdam, not a fixed offset: '" + r.get("timezone") + "'");
            }
            String markup = r.getOrDefault("markup_percent", "");
            BigDecimal markupPercent = markup.isEmpty() ? BigDecimal.ZERO : decimal("markup_percent", markup);
            if (markupPercent.compareTo(MIN_MARKUP_PERCENT) < 0) {
                throw new IllegalArgumentException("markup_percent must be at least -100 (a discount of the whole"
                        + " price: an invoice total is never negative): " + markup);
            }
            String portfolio = r.getOrDefault("portfolio_id", "");
            if (!portfolio.isEmpty() && !portfolio.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("portfolio_id must be digits: '" + portfolio + "'");
            }
            accounts.add(new BillingAccount(waba, r.get("account_name"), zone, currency(r.get("currency")),
                    markupPercent, portfolio));
        });
        accounts.sort(Comparator.comparing(BillingAccount::wabaId));
        return List.copyOf(accounts);
    }

    /** rate-card.csv: effective_from, market, currency, marketing, utility, authentication, service. */
    public RateCard rateCard() {
        return once("rateCard()", this::readRateCard);
    }

    private RateCard readRateCard() {
        List<RateCard.Row> rows = new ArrayList<>();
        read("rate-card.csv", RateCardRows.COLUMNS, r -> rows.add(RateCardRows.row(r)));
        return new RateCard(rows);
    }

    /**
     * volume-tiers.csv, optional (docs/per-message-pricing.md 3): no file means no tiers. Unlike the other files
     * every bad row is collected, so the refusal names them all with their line (docs/formats.md).
     */
    public VolumeTiers volumeTiers() {
        return once("volumeTiers()", this::readVolumeTiers);
    }

    private VolumeTiers readVolumeTiers() {
        Path file = directory.resolve("volume-tiers.csv");
        if (!Files.isRegularFile(file)) {
            return VolumeTiers.NONE;
        }
        String content;
        try {
            content = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
        List<VolumeTierRows.Line> lines = new ArrayList<>();
        try (CSVParser parser = FORMAT.parse(new StringReader(content))) {
            List<String> header = parser.getHeaderNames().stream().map(CsvHeader::normalise).toList();
            for (String column : VolumeTierRows.COLUMNS) {
                if (!header.contains(column)) {
                    throw new MissingColumnException(file.toString(), column);
                }
            }
            for (CSVRecord record : parser) {
                long line = lineOf(content, record);
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < header.size() && i < record.size(); i++) {
                    values.put(header.get(i), record.get(i));
                }
                lines.add(new VolumeTierRows.Line(line, values));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read reference file " + file, e);
        }
        return VolumeTierRows.parse(file.toString(), lines);
    }

    /** auth-international.csv, optional (docs/per-message-pricing.md 4): no file, no authentication-international. */
    public AuthInternational authInternational() {
        return once("authInternational()", this::readAuthInternational);
    }

    private AuthInternational readAuthInternational() {
        if (!Files.isRegularFile(directory.resolve(AuthInternationalRows.FILE))) {
            return AuthInternational.NONE;
        }
        AuthInternationalRows rows = new AuthInternationalRows(directory.resolve(AuthInternationalRows.FILE).toString());
        read(AuthInternationalRows.FILE, AuthInternationalRows.COLUMNS, rows::add);
        return rows.build();
    }

    /**
     * The line where a record starts (the header is line 1), right after quoted line breaks; the
     * position is that of any skipped empty lines before it, so step over them.
     */
    private static long lineOf(String content, CSVRecord record) {
        int start = (int) record.getCharacterPosition();
        while (start < content.length() && (content.charAt(start) == '\n' || content.charAt(start) == '\r')) {
            start++;
        }
        return 1 + content.substring(0, start).chars().filter(c -> c == '\n').count();
    }

    static Currency currency(String code) {
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("currency is not an ISO 4217 code: '" + code + "'");
        }
        if (currency.getDefaultFractionDigits() < 0) { // XXX (no currency), XAU (gold), XDR, XTS ...
            throw new IllegalArgumentException("currency " + code + " is an ISO 4217 code for no currency, a metal or"
                    + " a fund, not money an invoice can be in");
        }
        return currency;
    }

    static BigDecimal decimal(String column, String value) {
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(column + " is not a decimal number: '" + value + "'");
        }
    }

    /**
     * Calls the consumer with every record as column → value (names lower-cased, a BOM ignored); a
     * consumer's IllegalArgumentException stops the job naming file, record and line.
     */
    public void read(String fileName, List<String> required, Consumer<Map<String, String>> consumer) {
        read(fileName, required, (line, values) -> consumer.accept(values));
    }

    /** As {@link #read(String, List, Consumer)}, telling the consumer each record's line (ReferenceCsv). */
    public void read(String fileName, List<String> required, ReferenceCsv.RowConsumer consumer) {
        Path file = directory.resolve(fileName);
        once(fileName, () -> {
            if (!Files.isRegularFile(file)) {
                throw new com.wabilling.support.Refusal("reference file " + file + " not found"
                        + " (WA_BILLING_REFERENCE_DIR names the folder of reference files)",
                        "set WA_BILLING_REFERENCE_DIR to the folder holding accounts.csv, markets.csv and rate-card.csv,"
                                + " then run the same command again");
            }
            return ReferenceCsv.parse(file, FORMAT);
        }).each(required, consumer);
    }
}
