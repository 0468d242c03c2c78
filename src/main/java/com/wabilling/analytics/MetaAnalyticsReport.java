package com.wabilling.analytics;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.invoicing.PerMessageMonth;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.csv.CsvOutput;

/**
 * reconcile-meta (docs/operations.md, "Reconciling with Meta's pricing analytics"): reads Meta's saved
 * pricing_analytics responses, keeps the data points inside each account-local month, prices the month's
 * records as the invoice does (list and band rates, before markup) and writes
 * {@code reconciliation/<YYYY-MM>/meta-analytics.csv} and its summary. Writes whole files only, so a
 * failed run started again simply does it all again.
 */
public class MetaAnalyticsReport implements Tasklet {

    static final String[] HEADER = {"waba_id", "country", "pricing_category", "pricing_type", "meta_volume", "volume",
        "volume_difference", "meta_cost", "cost", "cost_difference", "currency"};
    static final String[] SUMMARY_HEADER = {"currency", "meta_volume", "volume", "volume_difference", "meta_cost",
        "cost", "cost_difference"};

    private final PerMessageMonth perMessage;
    private final PricedMessageDao records;
    private final List<BillingAccount> accounts;
    private final CountryTable countries;
    private final PhoneNumbers phoneNumbers;
    private final Path outputDir;
    private final YearMonth month;
    private final String input;

    public MetaAnalyticsReport(PerMessageMonth perMessage, PricedMessageDao records, List<BillingAccount> accounts,
            CountryTable countries, PhoneNumbers phoneNumbers, Path outputDir, YearMonth month, String input) {
        this.perMessage = perMessage;
        this.records = records;
        this.accounts = accounts;
        this.countries = countries;
        this.phoneNumbers = phoneNumbers;
        this.outputDir = outputDir;
        this.month = month;
        this.input = input;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        Map<String, BillingAccount> byWaba = new HashMap<>();
        Map<String, String> currencies = new HashMap<>();
        accounts.forEach(a -> {
            byWaba.put(a.wabaId(), a);
            currencies.put(a.wabaId(), a.currency().getCurrencyCode());
        });
        MetaAnalyticsComparison comparison = new MetaAnalyticsComparison(currencies);
        List<Path> files = AnalyticsInputs.resolve(input);
        List<AnalyticsPoint> points = new ArrayList<>();
        Set<String> metaWabas = new TreeSet<>();
        for (Path file : files) {
            PricingAnalyticsJson.Response response = PricingAnalyticsJson.read(file);
            metaWabas.add(response.wabaId());
            points.addAll(response.points());
        }
        Set<String> withCountry = new HashSet<>();
        int outside = 0;
        for (AnalyticsPoint p : points) {
            String waba = phoneNumbers.wabaOf(p.phoneNumber()).orElse(p.wabaId());
            metaWabas.add(waba);
            if (!p.country().isEmpty()) {
                withCountry.add(waba);
            }
            BillingAccount account = byWaba.get(waba);
            Instant from = account == null ? month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : account.monthStart(month);
            Instant to = account == null ? month.plusMonths(1).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : account.monthEnd(month);
            if (p.start().isBefore(from) || p.end().isAfter(to)) {
                outside++;
                continue;
            }
            comparison.addMeta(waba, p);
        }
        for (BillingAccount account : accounts) {
            // a WABA whose responses carry no country is compared without one (the request had no COUNTRY breakdown)
            boolean byCountry = !metaWabas.contains(account.wabaId()) || withCountry.contains(account.wabaId());
            Map<String, String> customers = records.customersOf(account, month);
            perMessage.compute(account, month, null, priced -> {
                String country = byCountry ? countries.countryOf(customers.getOrDefault(priced.message().messageId(), ""))
                        : "";
                comparison.addSuite(new MetaAnalyticsComparison.Key(account.wabaId(), country,
                        priced.message().category().name(), priced.type().name()), priced.charge());
            });
        }
        write(comparison);
        JobSummary.put(chunkContext.getStepContext().getStepExecution().getJobExecution(),
                summary(comparison, files.size(), points.size(), outside, metaWabas, byWaba));
        return RepeatStatus.FINISHED;
    }

    private void write(MetaAnalyticsComparison comparison) {
        Path dir = outputDir.resolve("reconciliation").resolve(month.toString());
        CsvOutput.write(dir.resolve("meta-analytics.csv"), HEADER, out -> comparison.rows().forEach(r -> out.row(
                r.key().wabaId(), r.key().country(), r.key().pricingCategory(), r.key().pricingType(),
                Long.toString(r.metaVolume()), Long.toString(r.volume()), Long.toString(r.volumeDifference()),
                money(r.metaCost(), r.currency()), money(r.cost(), r.currency()), money(r.costDifference(), r.currency()),
                r.currency())));
        CsvOutput.write(dir.resolve("meta-analytics-summary.csv"), SUMMARY_HEADER, out -> comparison.totals().forEach(t ->
                out.row(t.currency(), Long.toString(t.metaVolume()), Long.toString(t.volume()),
                        Long.toString(t.volumeDifference()), money(t.metaCost(), t.currency()),
                        money(t.cost(), t.currency()), money(t.costDifference(), t.currency()))));
    }

    /** Unrounded, without trailing zeros, at least the currency's decimals: 0.0114, 0.02, 0.00. */
    static String money(BigDecimal amount, String currency) {
        int digits = currency.isEmpty() ? 0 : Currency.getInstance(currency).getDefaultFractionDigits();
        BigDecimal stripped = amount.signum() == 0 ? BigDecimal.ZERO : amount.stripTrailingZeros();
        return stripped.setScale(Math.max(Math.max(stripped.scale(), digits), 0)).toPlainString();
    }

    private String summary(MetaAnalyticsComparison comparison, int files, int points, int outside,
            Set<String> metaWabas, Map<String, BillingAccount> byWaba) {
        StringBuilder s = new StringBuilder("reconcile-meta ").append(month).append(": ").append(files)
                .append(files == 1 ? " response, " : " responses, ").append(points).append(" data points");
        if (outside > 0) {
            s.append(", ").append(outside).append(" of them not inside the account-local month (not compared)");
        }
        TextTable table = new TextTable("currency", "meta_volume", "volume", "difference", "meta_cost", "cost",
                "difference");
        comparison.totals().forEach(t -> table.row(t.currency().isEmpty() ? "(no account)" : t.currency(),
                Long.toString(t.metaVolume()), Long.toString(t.volume()), Long.toString(t.volumeDifference()),
                money(t.metaCost(), t.currency()), money(t.cost(), t.currency()), money(t.costDifference(), t.currency())));
        s.append("\n").append(table.render("  "));
        List<String> noResponse = byWaba.keySet().stream().filter(w -> !metaWabas.contains(w)).sorted().toList();
        if (!noResponse.isEmpty()) {
            s.append("\n  no Meta response for ").append(String.join(", ", noResponse))
                    .append(": their messages are on the suite's side only");
        }
        List<String> unknown = metaWabas.stream().filter(w -> !byWaba.containsKey(w)).toList();
        if (!unknown.isEmpty()) {
            s.append("\n  not in accounts.csv: ").append(String.join(", ", unknown))
                    .append(" (compared over the UTC month, no currency)");
        }
        s.append("\n  Meta's analytics are approximate: differences are reported, never a failure; lines in ")
                .append(outputDir.resolve("reconciliation").resolve(month.toString()).resolve("meta-analytics.csv"));
        return s.toString();
    }
}
