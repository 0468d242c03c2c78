package com.wabilling.analytics;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParametersValidator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.invoicing.PerMessageMonth;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.config.OutputDirectory;

/**
 * reconcile-meta (docs/operations.md, "Reconciling with Meta's pricing analytics"): one step that compares
 * Meta's saved pricing_analytics responses with the month's pricing records and writes
 * {@code reconciliation/<YYYY-MM>/}. It changes no table, so a failed run resumed runs the step again.
 */
@Configuration(proxyBeanMethods = false)
public class ReconcileMetaJobConfiguration {

    public static final String JOB_NAME = "reconcile-meta";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required("month", JobParameterSpec.Kind.MONTH),
            JobParameterSpec.Param.required("input", JobParameterSpec.Kind.TEXT)));

    @Bean
    Job reconcileMetaJob(JobRepository jobRepository, Step compareMetaAnalyticsStep, ProcessOwner processOwner) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(validator())
                .listener(processOwner)
                .start(compareMetaAnalyticsStep)
                .build();
    }

    /** The parameters' own checks, then an input that holds saved responses (bad usage, exit 2). */
    static JobParametersValidator validator() {
        return parameters -> {
            PARAMETERS.validator().validate(parameters);
            Map<String, Object> values = new HashMap<>();
            parameters.parameters().forEach(p -> values.put(p.name(), p.value()));
            try {
                AnalyticsInputs.resolve(PARAMETERS.value(values, "input"));
            } catch (IllegalArgumentException e) {
                throw new InvalidJobParametersException(JOB_NAME + ": " + e.getMessage()
                        + "; input= names one saved pricing_analytics response (.json) or a folder of them");
            }
        };
    }

    @Bean
    Step compareMetaAnalyticsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet metaAnalyticsReport) {
        return new StepBuilder("compare-meta-analytics", jobRepository)
                .tasklet(metaAnalyticsReport, transactionManager)
                .build();
    }

    @Bean
    @JobScope
    Tasklet metaAnalyticsReport(PricedMessageDao records, ReferenceFiles files, OutputDirectory output,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        PerMessageMonth perMessage = new PerMessageMonth(records, files.accounts(), files.rateCard(), files.volumeTiers(),
                files.authInternational());
        CountryTable.Builder countries = new CountryTable.Builder();
        files.read("markets.csv", List.of("calling_code"),
                (Map<String, String> r) -> countries.add(r.getOrDefault("calling_code", ""), r.get("iso_country")));
        PhoneNumbers.Builder numbers = new PhoneNumbers.Builder();
        if (java.nio.file.Files.isRegularFile(files.directory().resolve(PhoneNumbers.FILE))) {
            files.read(PhoneNumbers.FILE, List.of("phone_number_id", "waba_id", "display_phone_number"),
                    (Map<String, String> r) -> numbers.add(r));
        }
        return new MetaAnalyticsReport(perMessage, records, files.accounts(), countries.build(), numbers.build(),
                output.path(), YearMonth.parse(PARAMETERS.value(parameters, "month")),
                PARAMETERS.value(parameters, "input"));
    }
}
