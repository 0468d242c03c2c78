package com.wabilling.periods;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.batch.core.job.parameters.JobParameters;

/**
 * The period a reconstruct run's parameters name (docs/billing-rules.md 3.4): {@code from}, {@code to} and
 * {@code conversation-scope} (phone-number when not given), parsed here and nowhere else. A pure function of
 * the parameters; their checks are the job's (ReconstructParameters), before it starts.
 */
public final class PeriodParameters {

    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String SCOPE = "conversation-scope";
    public static final ScopeMode DEFAULT_SCOPE = ScopeMode.PHONE_NUMBER;

    private PeriodParameters() {
    }

    public static Period of(JobParameters parameters) {
        Map<String, Object> values = new HashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), p.value()));
        return of(values);
    }

    /** {@code parameters} by name, as a step's context and {@code #{jobParameters}} give them. */
    public static Period of(Map<String, ?> parameters) {
        Object scope = parameters.get(SCOPE);
        return new Period(date(parameters, FROM), date(parameters, TO),
                scope == null ? DEFAULT_SCOPE : ScopeMode.ofParameter(scope.toString()));
    }

    private static LocalDate date(Map<String, ?> parameters, String name) {
        Object value = parameters.get(name);
        if (value == null) {
            throw new IllegalArgumentException("a period needs the parameter " + name + "=YYYY-MM-DD");
        }
        return LocalDate.parse(value.toString());
    }
}
