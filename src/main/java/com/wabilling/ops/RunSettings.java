package com.wabilling.ops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.core.env.Environment;

import com.wabilling.conversations.ReconstructJobConfiguration;
import com.wabilling.invoicing.InvoiceJobConfiguration;

/**
 * The lines every job prints before it starts: which database and which reference files it uses,
 * so an operator never bills against the wrong ones without seeing it.
 */
final class RunSettings {

    private static final Set<String> JOBS_WITH_REFERENCE_FILES = Set.of(ReconstructJobConfiguration.JOB_NAME,
            InvoiceJobConfiguration.JOB_NAME, com.wabilling.analytics.ReconcileMetaJobConfiguration.JOB_NAME);

    private RunSettings() {
    }

    static List<String> describe(Environment environment, String jobName) {
        List<String> lines = new ArrayList<>();
        lines.add("database: " + withoutOptions(environment.getProperty("spring.datasource.url", "")));
        if (JOBS_WITH_REFERENCE_FILES.contains(jobName)) {
            String dir = environment.getProperty("wa-billing.reference-dir", "sample-data");
            String line = "reference files: " + Path.of(dir).toAbsolutePath().normalize()
                    + " (accounts.csv, markets.csv, rate-card.csv, volume-tiers.csv; documents: seller.properties,"
                    + " vat-rates.csv, exchange-rates.csv)";
            if (System.getenv("WA_BILLING_REFERENCE_DIR") == null && System.getProperty("wa-billing.reference-dir") == null) {
                line += "; WA_BILLING_REFERENCE_DIR is not set, so these are the SAMPLE reference files of the demo:"
                        + " set it to your own accounts, markets and rates";
            }
            lines.add(line);
        }
        return lines;
    }

    /** The URL without its options: HSQLDB's {@code ;key=value} and JDBC's {@code ?key=value} may hold secrets. */
    static String withoutOptions(String url) {
        int cut = url.length();
        for (char c : new char[] {';', '?'}) {
            int i = url.indexOf(c);
            if (i >= 0 && i < cut) {
                cut = i;
            }
        }
        return url.substring(0, cut);
    }
}
