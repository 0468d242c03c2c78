package com.wabilling.plans;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.wabilling.pricing.ReferenceFiles;

/**
 * Reads the price plans (plans.csv, optional) and which account is on which plan (accounts.csv's optional plan_id
 * column), like every reference file: a bad row stops the job naming file, record, line and column
 * (docs/formats.md, plans.csv and accounts.csv).
 */
public final class PlanFiles {

    public static final String PLANS = "plans.csv";

    private final Path directory;
    private final ReferenceFiles files;

    public PlanFiles(Path directory) {
        this(new ReferenceFiles(directory));
    }

    /** Reads through {@code files}, a job's snapshot of the reference folder. */
    public PlanFiles(ReferenceFiles files) {
        this.directory = files.directory();
        this.files = files;
    }

    /** The plans and the accounts' choice of plan; no plans.csv and no plan_id column: nobody has a plan. */
    public PlanTerms terms() {
        PricePlans plans = plans();
        Map<String, String> planOf = new HashMap<>();
        files.read("accounts.csv", List.of("waba_id", "currency"), (line, r) -> {
            String planId = r.getOrDefault("plan_id", "").trim();
            if (planId.isEmpty()) {
                return; // docs/billing-rules.md 4.6: an account without a plan bills Meta's fees and markup only
            }
            String currency = r.getOrDefault("currency", "").trim();
            if (!plans.knows(planId)) {
                throw new IllegalArgumentException("plan_id " + planId + " is not a plan of " + PLANS
                        + (Files.isRegularFile(directory.resolve(PLANS)) ? "" : " (there is no " + PLANS + ")"));
            }
            if (!plans.knows(planId, currency)) {
                throw new IllegalArgumentException("plan_id " + planId + " has no row in the account's currency "
                        + currency + " in " + PLANS);
            }
            planOf.put(r.get("waba_id").trim(), planId);
        });
        return new PlanTerms(plans, planOf);
    }

    /** plans.csv: one row per (plan_id, currency, effective_from); a repeat is refused naming both lines. */
    public PricePlans plans() {
        if (!Files.isRegularFile(directory.resolve(PLANS))) {
            return PricePlans.NONE;
        }
        List<PricePlan> rows = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        files.read(PLANS, PricePlanRows.COLUMNS, (line, r) -> {
            PricePlan row = PricePlanRows.row(r);
            Long before = seen.putIfAbsent(row.planId() + " " + row.currency() + " " + row.effectiveFrom(), line);
            if (before != null) {
                throw new IllegalArgumentException("plan_id " + row.planId() + " has a second row for " + row.currency()
                        + " effective " + row.effectiveFrom() + " (the first is on line " + before + ")");
            }
            rows.add(row);
        });
        return new PricePlans(rows);
    }
}
