package com.wabilling.invoicing;

import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersValidator;

import com.wabilling.pricing.Regimes;

/**
 * The invoice job's parameter checks, before it starts (a refusal is bad usage, exit 2): the parameters'
 * own checks, then a month that has ended everywhere by the application's clock ({@link MonthOver}),
 * invoice-date only with finalize=true, a known regime name, a what-if is never finalized, and a correction
 * (correct=) is drafted by a run of its own, never with finalize=true or a what-if (docs/billing-rules.md 4.5).
 */
final class InvoiceParameters implements JobParametersValidator {

    private static final String JOB_NAME = InvoiceJobConfiguration.JOB_NAME;

    private final Clock clock;

    InvoiceParameters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void validate(JobParameters parameters) throws InvalidJobParametersException {
        var spec = InvoiceJobConfiguration.PARAMETERS;
        spec.validator().validate(parameters);
        Map<String, Object> values = new HashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), p.value()));
        Optional<String> notOver = MonthOver.refusal(YearMonth.parse(spec.value(values, "month")), clock.instant());
        if (notOver.isPresent()) {
            throw new InvalidJobParametersException(JOB_NAME + ": " + notOver.get());
        }
        boolean finalizing = Boolean.parseBoolean(spec.value(values, "finalize"));
        if (!spec.value(values, InvoiceRun.INVOICE_DATE).isEmpty() && !finalizing) {
            throw new InvalidJobParametersException(JOB_NAME + ": invoice-date= is the date finalized invoices carry;"
                    + " give it with finalize=true");
        }
        String regime = spec.value(values, InvoiceRun.REGIME);
        String correct = spec.value(values, InvoiceRun.CORRECT);
        if (!correct.isEmpty() && finalizing) {
            throw new InvalidJobParametersException(JOB_NAME + ": correct=" + correct + " drafts a credit note and a new"
                    + " invoice, to be checked in summary.csv before they are numbered: drop finalize=true, then"
                    + " finalize them with: jobs/wa-billing invoice month=" + spec.value(values, "month") + " finalize=true");
        }
        if (!correct.isEmpty() && !regime.isEmpty()) {
            throw new InvalidJobParametersException(JOB_NAME + ": a what-if (regime=" + regime + ") stores nothing, so it"
                    + " cannot correct an invoice; drop regime= or correct=");
        }
        if (regime.isEmpty()) {
            return;
        }
        try {
            Regimes.META.named(regime);
        } catch (IllegalArgumentException e) {
            throw new InvalidJobParametersException(JOB_NAME + ": " + e.getMessage());
        }
        if (finalizing) {
            throw new InvalidJobParametersException(JOB_NAME + ": a what-if (regime=" + regime + ") is never stored,"
                    + " so it cannot be finalized; drop finalize=true");
        }
    }
}
