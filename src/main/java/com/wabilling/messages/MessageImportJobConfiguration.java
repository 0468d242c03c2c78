package com.wabilling.messages;

import java.time.Clock;
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
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.Progress;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.config.ProgressInterval;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.csv.InputFiles;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.RejectLimit;
import com.wabilling.support.rejects.RunRecords;

/**
 * import-messages (docs/formats.md, messages CSV): stream one file or a directory of exports into the
 * message table, deduplicated by message_id across files and runs, every bad row rejected.
 */
@Configuration(proxyBeanMethods = false)
public class MessageImportJobConfiguration {

    public static final String JOB_NAME = "import-messages";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required("input", JobParameterSpec.Kind.EXISTING_PATH),
            JobParameterSpec.MAX_REJECTS));
    public static final String IMPORT_STEP = "import-messages";
    public static final String SETTLE_STEP = "settle-repeats";
    public static final String READER_NAME = "messages";
    private static final int CHUNK_SIZE = 2000;

    @Bean
    MessageDao messageDao(NamedParameterJdbcOperations jdbc) {
        return new MessageDao(jdbc);
    }

    @Bean
    ImportedFiles importedFiles(JdbcClient jdbc) {
        return new ImportedFiles(jdbc);
    }

    @Bean
    Job messageImportJob(JobRepository jobRepository, Step importMessagesStep, Step settleRepeatsStep,
            Step messageImportReportStep, ProcessOwner processOwner) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(PARAMETERS.validator())
                .listener(processOwner)
                .start(importMessagesStep)
                .next(settleRepeatsStep)
                .next(messageImportReportStep)
                .build();
    }

    @Bean
    Step importMessagesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            CsvFilesReader messageExportReader, MessageImportProcessor messageImportProcessor,
            MessageImportWriter messageImportWriter, ProgressInterval interval) {
        return new StepBuilder(IMPORT_STEP, jobRepository)
                .<CsvRow, Checked<ExportedMessage>>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(messageExportReader)
                .processor(messageImportProcessor)
                .writer(messageImportWriter)
                .listener(Progress.ofPosition(JOB_NAME, "records", row -> ((CsvRow) row).fractionDone(),
                        interval.value()))
                .build();
    }

    @Bean
    Step settleRepeatsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            RepeatSettlement repeatSettlement) {
        return new StepBuilder(SETTLE_STEP, jobRepository)
                .tasklet(repeatSettlement, transactionManager)
                .build();
    }

    @Bean
    Step messageImportReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            MessageImportReport messageImportReport) {
        return new StepBuilder("write-import-report", jobRepository)
                .tasklet(messageImportReport, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    CsvFilesReader messageExportReader(@Value("#{jobParameters['input']}") String input, ImportedFiles importedFiles) {
        return new CsvFilesReader(READER_NAME, InputFiles.resolve(input), MessageRowMapper.REQUIRED_COLUMNS,
                importedFiles);
    }

    /** Step scoped: "the future" is measured from the start of this step's execution. */
    @Bean
    @StepScope
    MessageImportProcessor messageImportProcessor(Clock clock) {
        return new MessageImportProcessor(clock);
    }

    @Bean
    @StepScope
    MessageImportWriter messageImportWriter(MessageDao messages, RunRecords ledger, OutputDirectory output,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId,
            @Value("#{stepExecution.jobExecution.id}") long executionId,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        return new MessageImportWriter(messages, ledger, rejectLimit(parameters, ledger, output, executionId), runId);
    }

    @Bean
    @StepScope
    RepeatSettlement repeatSettlement(MessageDao messages, RunRecords ledger, OutputDirectory output,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId,
            @Value("#{stepExecution.jobExecution.id}") long executionId,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        return new RepeatSettlement(messages, ledger, rejectLimit(parameters, ledger, output, executionId), runId);
    }

    private static RejectLimit rejectLimit(Map<String, Object> parameters, RunRecords ledger, OutputDirectory output,
            long executionId) {
        return new RejectLimit(Long.parseLong(PARAMETERS.value(parameters, "max-rejects")), ledger, output.path(),
                JOB_NAME, executionId);
    }

    @Bean
    @StepScope
    MessageImportReport messageImportReport(MessageDao messages, ImportedFiles importedFiles, RunRecords ledger,
            JobRepository jobRepository, OutputDirectory output, Clock clock, ReconstructedPeriods periods) {
        return new MessageImportReport(messages, importedFiles, ledger, jobRepository, output.path(), clock, periods);
    }
}
