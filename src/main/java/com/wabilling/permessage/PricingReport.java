package com.wabilling.permessage;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.pricing.AuthInternational;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.Regimes;
import com.wabilling.support.TextTable;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * The per-message part of reconstruct's report (docs/formats.md pricing/): the pricing records, the
 * anomalies of those messages and, when the export carried Meta's pricing columns, the reconciliation
 * with the money at stake at the account's list rates (docs/per-message-pricing.md 5).
 */
public class PricingReport {

    private static final String[] RECORD_HEADER = {"message_id", "waba_id", "phone_number_id", "customer_wa_id",
        "market", "category", "pricing_type", "regime", "delivered_at"};
    /** docs/formats.md: with customers named by user id, the file gains customer_user_id after customer_wa_id. */
    private static final String[] RECORD_HEADER_WITH_USER_ID = {"message_id", "waba_id", "phone_number_id",
        "customer_wa_id", "customer_user_id", "market", "category", "pricing_type", "regime", "delivered_at"};
    private static final String[] RECONCILIATION_HEADER = {"message_id", "kind", "category", "pricing_type",
        "meta_pricing_category", "meta_pricing_type", "market", "currency", "amount_at_stake", "detail"};
    private static final int EXAMPLES = 3;
    /** The earliest instant any account can be under a per-message regime: 00:00 at UTC+14. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    private final Findings findings;
    private final PricedMessageDao priced;
    private final MessageDao messages;
    private final Map<String, BillingAccount> accounts;
    private final RateCard rates;
    private final AuthInternational international;

    /**
     * What the report reads of the tables conversations owns (anomaly, reconciliation_finding) and of its
     * statistics of the period's messages (docs/architecture.md, "Who owns which table"): conversations'
     * DAO implements it, so this package stays below conversations.
     */
    public interface Findings {

        /** The period's anomalies, in the order they are stored; the report keeps those of priced messages. */
        void forEachMessageAnomaly(Period period, Consumer<MessageAnomaly> action);

        /** The meta_only findings reconstruct recorded for the period (docs/per-message-pricing.md 5). */
        List<MetaOnlyFinding> metaOnlyFindings(Period period);

        /** Outbound messages sent in the period that never reached delivered. */
        long undeliveredMessages(Period period);
    }

    /** An anomaly of one message. */
    public record MessageAnomaly(String messageId, String kind, String detail) {
    }

    /**
     * docs/per-message-pricing.md 5: a message Meta priced that has no pricing record here, with Meta's two
     * columns as one cell ({@link PricingReconciliation#metaPair}) and why.
     */
    public record MetaOnlyFinding(String messageId, String metaPair, String detail) {
    }

    PricingReport(Findings findings, PricedMessageDao priced, MessageDao messages,
            Map<String, BillingAccount> accounts, RateCard rates, AuthInternational international) {
        this.international = international;
        this.findings = findings;
        this.priced = priced;
        this.messages = messages;
        this.accounts = Map.copyOf(accounts);
        this.rates = rates;
    }

    /** Whether some account's day in the period (or in what it reads after it) falls under a per-message regime. */
    static boolean mayPricePerMessage(Period period, Regimes regimes) {
        LocalDate firstPerMessage = regimes.all().stream().filter(r -> r.perMessage()).map(r -> r.from())
                .findFirst().orElse(LocalDate.MAX);
        return firstPerMessage != LocalDate.MAX
                // readTo: the look-ahead after the period must be judged under the right regime too
                && period.readTo().isAfter(firstPerMessage.atTime(LocalTime.MIDNIGHT).toInstant(EARLIEST_ZONE));
    }

    /** Writes the files and returns the summary lines. */
    public String write(Period period, Path outputDir) {
        Path dir = outputDir.resolve("pricing");
        Path recordsFile = dir.resolve(period.fileStem() + ".csv");
        Map<String, Long> byType = new TreeMap<>();
        Set<String> pricedIds = new HashSet<>();
        List<PricedMessageDao.Row> withMeta = new ArrayList<>();
        boolean userIds = priced.anyUserId(period);
        CsvOutput.write(recordsFile, userIds ? RECORD_HEADER_WITH_USER_ID : RECORD_HEADER,
                out -> priced.forEachRecord(period, r -> {
            String category = billedAs(r).name();
            if (userIds) {
                out.row(r.messageId(), r.wabaId(), r.phoneNumberId(), r.customerWaId(),
                        r.customerUserId() == null ? "" : r.customerUserId(), CsvOutput.text(r.market()), category,
                        metaName(r.pricingType()), r.regime(), Timestamps.format(r.deliveredAt()));
            } else {
                out.row(r.messageId(), r.wabaId(), r.phoneNumberId(), r.customerWaId(), CsvOutput.text(r.market()),
                        category, metaName(r.pricingType()), r.regime(), Timestamps.format(r.deliveredAt()));
            }
            byType.merge(category + " " + metaName(r.pricingType()), 1L, Long::sum);
            pricedIds.add(r.messageId());
            if (r.metaPricingCategory() != null || r.metaPricingType() != null) {
                withMeta.add(r);
            }
        }));
        Path anomaliesFile = dir.resolve(period.fileStem() + "-anomalies.csv");
        CsvOutput.write(anomaliesFile, new String[] {"message_id", "kind", "detail"},
                out -> findings.forEachMessageAnomaly(period, a -> {
                    if (pricedIds.contains(a.messageId())) {
                        out.row(a.messageId(), a.kind(), CsvOutput.text(a.detail()));
                    }
                }));
        StringBuilder summary = new StringBuilder("\n  per-message pricing records: ").append(pricedIds.size());
        if (!byType.isEmpty()) {
            TextTable table = new TextTable("category and pricing_type", "messages");
            byType.forEach(table::row);
            summary.append('\n').append(table.render("  "));
        }
        List<MetaOnlyFinding> metaOnly = new ArrayList<>(findings.metaOnlyFindings(period));
        metaOnly.addAll(undeliveredButPricedByMeta(period));
        if (!withMeta.isEmpty() || !metaOnly.isEmpty()) {
            summary.append("\n  reconciliation with Meta (per message): ")
                    .append(writeReconciliation(dir.resolve(period.fileStem() + "-reconciliation.csv"), withMeta,
                            metaOnly));
        }
        summary.append("\n  files: ").append(recordsFile).append(", ").append(anomaliesFile.getFileName());
        return summary.toString();
    }

    /**
     * docs/per-message-pricing.md 5: Meta's records with no delivered message here, the other half: outbound
     * messages sent in the period that never reached delivered here but carry Meta's pricing columns.
     * They have no event time, so this reads every stored block once, unless the period has none.
     */
    private List<MetaOnlyFinding> undeliveredButPricedByMeta(Period period) {
        List<MetaOnlyFinding> found = new ArrayList<>();
        if (findings.undeliveredMessages(period) == 0) {
            return found; // the per-day counts say no message sent in the period went undelivered
        }
        messages.forEachStored(row -> {
            ExportedMessage m = row.message();
            if (m.direction() == Direction.OUTBOUND && m.deliveredAt() == null
                    && (m.metaPricingCategory() != null || m.metaPricingType() != null)
                    && !m.timestamp().isBefore(period.from()) && m.timestamp().isBefore(period.to())) {
                found.add(new MetaOnlyFinding(m.messageId(),
                        PricingReconciliation.metaPair(m.metaPricingCategory(), m.metaPricingType()),
                        "not delivered here (status " + m.status() + "), priced by Meta"));
            }
        });
        return found;
    }

    private String writeReconciliation(Path file, List<PricedMessageDao.Row> withMeta,
            List<MetaOnlyFinding> metaOnly) {
        Map<String, List<String>> examples = new TreeMap<>();
        Map<String, BigDecimal> atStake = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        for (PricedMessageDao.Row r : withMeta) {
            PricingCategory category = billedAs(r);
            PricingType type = PricingType.valueOf(r.pricingType());
            PricingReconciliation.Comparison c = PricingReconciliation.compare(category, type,
                    r.metaPricingCategory(), r.metaPricingType());
            examples.computeIfAbsent(c.kind(), k -> new ArrayList<>()).add(r.messageId());
            BillingAccount account = accounts.get(r.wabaId());
            String currency = account == null ? "" : account.currency().getCurrencyCode();
            String amount = "";
            String detail = "";
            if (c.moneyAtStake()) {
                // the list rate of whoever charges it: what billing gains or loses if Meta is right
                PricingCategory charged = type.charged() ? category : c.metaCategory().orElse(category);
                Optional<BigDecimal> rate = listRate(account, r, charged);
                amount = rate.map(BigDecimal::toPlainString).orElse("");
                detail = (type.charged() ? "charged here, free at Meta" : "free here, charged by Meta")
                        + (rate.isEmpty() ? "; no list rate to value it" : "");
                rate.ifPresent(v -> atStake.merge(currency, v, BigDecimal::add));
            }
            rows.add(new String[] {r.messageId(), c.kind(), category.name(), metaName(r.pricingType()),
                orEmpty(r.metaPricingCategory()), orEmpty(r.metaPricingType()), CsvOutput.text(r.market()), currency,
                amount, detail});
        }
        for (MetaOnlyFinding f : metaOnly) {
            String[] meta = f.metaPair().split("/", -1);
            examples.computeIfAbsent(PricingReconciliation.META_ONLY, k -> new ArrayList<>()).add(f.messageId());
            rows.add(new String[] {f.messageId(), PricingReconciliation.META_ONLY, "", "", meta[0],
                meta.length > 1 ? meta[1] : "", "", "", "", CsvOutput.text(f.detail())});
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        CsvOutput.write(file, RECONCILIATION_HEADER, out -> rows.forEach(out::row));
        String counts = examples.entrySet().stream()
                .map(e -> e.getValue().size() + " " + e.getKey() + (e.getKey().equals(PricingReconciliation.AGREEMENT)
                        ? "" : " (e.g. " + String.join(" ", e.getValue().stream().sorted().limit(EXAMPLES).toList()) + ")"))
                .collect(Collectors.joining(", "));
        String money = atStake.isEmpty() ? "none" : atStake.entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue().toPlainString()).collect(Collectors.joining(", "));
        return counts + "; money at stake at list rates: " + money + "; file " + file.getFileName();
    }

    /**
     * The category the record is billed in: an authentication message of an eligible portfolio and market is
     * AUTHENTICATION_INTERNATIONAL from the start instant (docs/per-message-pricing.md 4, "Authentication-
     * international"), as the invoice decides it; the stored record keeps the template's category, so a later
     * auth-international.csv needs no new reconstruction, only new reports.
     */
    private PricingCategory billedAs(PricedMessageDao.Row r) {
        PricingCategory category = PricingCategory.valueOf(r.category());
        BillingAccount account = accounts.get(r.wabaId());
        // an account missing from accounts.csv is its own portfolio, as BillingAccount takes an empty portfolio_id
        String portfolio = account == null ? r.wabaId() : account.portfolioId();
        return international.billedAs(portfolio, r.market(), r.deliveredAt(), category);
    }

    private Optional<BigDecimal> listRate(BillingAccount account, PricedMessageDao.Row r, PricingCategory charged) {
        if (account == null) {
            return Optional.empty();
        }
        return charged.rateColumn().flatMap(column -> rates.rate(r.market(), column,
                account.currency().getCurrencyCode(), LocalDate.ofInstant(r.deliveredAt(), account.zone())));
    }

    private static String metaName(String pricingType) {
        return PricingType.valueOf(pricingType).metaName();
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value;
    }
}
