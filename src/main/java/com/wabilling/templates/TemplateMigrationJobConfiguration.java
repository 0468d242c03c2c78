package com.wabilling.templates;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.csv.InputFiles;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunRecords;

/**
 * migrate-templates (docs/billing-rules.md 2): read the catalogue export, classify every template, store it
 * with its category history, then write template-migration.csv and the summary.
 */
@Configuration(proxyBeanMethods = false)
public class TemplateMigrationJobConfiguration {

    public static final String JOB_NAME = "migrate-templates";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required("input", JobParameterSpec.Kind.EXISTING_PATH),
            // docs/billing-rules.md 2: the reclassification takes effect on 2023-04-01 unless told otherwise
            JobParameterSpec.Param.optional("effective-date", "2023-04-01", JobParameterSpec.Kind.DATE),
            JobParameterSpec.MAX_REJECTS));
    private static final int CHUNK_SIZE = 200;

    @Bean
    Job templateMigrationJob(JobRepository jobRepository, Step classifyTemplatesStep,
            Step templateMigrationReportStep, ProcessOwner processOwner) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(PARAMETERS.validator())
                .listener(processOwner)
                .start(classifyTemplatesStep)
                .next(templateMigrationReportStep)
                .build();
    }

    @Bean
    Step classifyTemplatesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CsvFilesReader templateCatalogueReader, TemplateClassifier classifier,
            TemplateMigrationWriter templateMigrationWriter) {
        return new StepBuilder("classify-templates", jobRepository)
                .<CsvRow, Checked<MigratedTemplate>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(templateCatalogueReader)
                .processor(new TemplateMigrationProcessor(classifier))
                .writer(templateMigrationWriter)
                .build();
    }

    @Bean
    Step templateMigrationReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            TemplateMigrationReport templateMigrationReport) {
        return new StepBuilder("write-migration-report", jobRepository)
                .tasklet(templateMigrationReport, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    CsvFilesReader templateCatalogueReader(@Value("#{jobParameters['input']}") String input) {
        return new CsvFilesReader("templates", InputFiles.resolve(input), CatalogueRowMapper.REQUIRED_COLUMNS);
    }

    @Bean
    @StepScope
    TemplateMigrationWriter templateMigrationWriter(TemplateDao templates, RunRecords ledger, Clock clock,
            OutputDirectory output,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId,
            @Value("#{stepExecution.jobExecution.id}") long executionId,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        String effectiveDate = PARAMETERS.value(parameters, "effective-date");
        String maxRejects = PARAMETERS.value(parameters, "max-rejects");
        RejectLimit limit = new RejectLimit(Long.parseLong(maxRejects), ledger, output.path(), JOB_NAME, executionId);
        return new TemplateMigrationWriter(templates, ledger, limit, runId, effectiveFromMs(effectiveDate), clock);
    }

    @Bean
    @StepScope
    TemplateMigrationReport templateMigrationReport(TemplateDao templates, RunRecords ledger, OutputDirectory output,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        String effectiveDate = PARAMETERS.value(parameters, "effective-date");
        return new TemplateMigrationReport(templates, ledger, output.path(), effectiveDate(effectiveDate),
                effectiveFromMs(effectiveDate));
    }

    private static LocalDate effectiveDate(String parameter) {
        return LocalDate.parse(parameter);
    }

    /** The category takes effect at 00:00 UTC of the effective date. */
    private static long effectiveFromMs(String parameter) {
        return effectiveDate(parameter).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
    }
}
