package com.wabilling.conversations;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.config.ProgressInterval;
import com.wabilling.support.config.ReferenceDirectory;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.Progress;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.RunCommand;
import com.wabilling.support.jdbc.DatabaseSchema;
import com.wabilling.templates.TemplateDao;
import com.wabilling.support.batch.JobParameterSpec;

/**
 * reconstruct (domain.md 3): clear the period, rebuild its conversations scope by scope in
 * partitions of customer buckets (scopes are independent), then write the files and the summary.
 */
@Configuration(proxyBeanMethods = false)
public class ReconstructJobConfiguration {

    public static final String JOB_NAME = "reconstruct";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required("from", JobParameterSpec.Kind.DATE),
            JobParameterSpec.Param.required("to", JobParameterSpec.Kind.DATE),
            JobParameterSpec.Param.optional("conversation-scope", ScopeMode.PHONE_NUMBER.parameter(),
                    JobParameterSpec.Kind.SCOPE)));
    static final int GRID_SIZE = 8;
    private static final int CHUNK_SIZE = 500;
    private static final int CONNECTIONS_PER_PARTITION = 2;
    private static final int RESERVED_CONNECTIONS = 3;

    @Bean
    ConversationDao conversationDao(NamedParameterJdbcOperations jdbc) {
        return new ConversationDao(jdbc);
    }

    @Bean
    PeriodLedger periodLedger(JdbcClient jdbc) {
        return new PeriodLedger(jdbc);
    }

    @Bean
    Job reconstructJob(JobRepository jobRepository, Step clearPeriodStep, Step reconstructPartitionsStep,
            Step reconstructReportStep, ProcessOwner processOwner) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(PARAMETERS.validator())
                .listener(processOwner)
                .start(clearPeriodStep)
                .next(reconstructPartitionsStep)
                .next(reconstructReportStep)
                .build();
    }

    @Bean
    Step clearPeriodStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ConversationDao conversations, PeriodLedger ledger, ReferenceDirectory reference, Clock clock) {
        return new StepBuilder("clear-period", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    new ReferenceFiles(reference.path()).markets(); // a missing or broken file stops here, before any work
                    var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
                    Period period = period(execution.getJobParameters());
                    refuseOnUnfinishedRebuilds(ledger.unfinishedRebuildsAffecting(period), period);
                    refuseOnUnknownState(ledger.exactStartInstead(period), period);
                    // one transaction: the period is marked as being rebuilt exactly when its conversations go
                    ledger.startRebuild(period, RunCommand.of(JOB_NAME, execution.getJobParameters()), clock.instant());
                    conversations.clear(period);
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /** domain.md 3.4: conversations carried into the first period would be missed (a free entry point, 3.3). */
    private static void refuseOnUnknownState(java.util.Optional<LocalDate> exactStart, Period period) {
        if (exactStart.isPresent()) {
            throw new IllegalStateException("cannot reconstruct " + period.fileStem() + " exactly: messages before "
                    + period.fromDate() + " may keep conversations (free entry points last 72 h) open into it, and no"
                    + " reconstructed period ends there; start where the state is known: jobs/wa-billing reconstruct"
                    + " from=" + exactStart.get() + " to=" + period.toDate()
                    + (period.mode() == ScopeMode.WABA ? " conversation-scope=waba" : ""));
        }
    }

    /** Carrying conversations in from a period whose rebuild did not finish would build on partial data. */
    private static void refuseOnUnfinishedRebuilds(java.util.List<PeriodLedger.Rebuild> unfinished, Period period) {
        if (!unfinished.isEmpty()) {
            throw new IllegalStateException("cannot reconstruct " + period.fileStem() + ": it reads conversations of "
                    + unfinished.size() + " period(s) whose rebuild has not finished (running now, failed or killed);"
                    + " finish first: " + unfinished.stream().map(r -> r.command())
                            .collect(java.util.stream.Collectors.joining(" ; ")));
        }
    }

    @Bean
    Step reconstructPartitionsStep(JobRepository jobRepository, Step reconstructScopesStep, DataSource dataSource,
            @Value("${wa-billing.reconstruct.partitions-at-once:0}") int partitionsAtOnce) throws java.sql.SQLException {
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reconstruct-");
        executor.setConcurrencyLimit(partitionsAtOnce(dataSource, partitionsAtOnce));
        return new StepBuilder("reconstruct", jobRepository)
                .partitioner("reconstruct-scopes", bucketPartitioner())
                .step(reconstructScopesStep)
                .gridSize(GRID_SIZE)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step reconstructScopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ScopeHistoryReader scopeHistoryReader, ReconstructProcessor reconstructProcessor,
            ConversationWriter conversationWriter, PeriodLedger ledger, ProgressInterval interval) {
        return new StepBuilder("reconstruct-scopes", jobRepository)
                .<ScopeHistory, ScopeOutcome>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(scopeHistoryReader)
                .processor(reconstructProcessor)
                .writer(conversationWriter)
                .listener(Progress.ofTotal(JOB_NAME, "messages", scope -> ((ScopeHistory) scope).messages().size(),
                        step -> ledger.windowMessages(period(step.getJobParameters())), interval.value()))
                .build();
    }

    @Bean
    Step reconstructReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ReconstructReport reconstructReport) {
        return new StepBuilder("write-conversations", jobRepository)
                .tasklet(reconstructReport, transactionManager)
                .build();
    }

    @Bean
    @StepScope
    ScopeHistoryReader scopeHistoryReader(DataSource dataSource,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecutionContext['partition']}") Integer partition) {
        return new ScopeHistoryReader(dataSource, period(parameters), GRID_SIZE, partition);
    }

    @Bean
    @StepScope
    ReconstructProcessor reconstructProcessor(TemplateDao templates, ReferenceDirectory reference,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        return new ReconstructProcessor(period(parameters), templates.categoryHistory(),
                new ReferenceFiles(reference.path()).markets());
    }

    @Bean
    @StepScope
    ConversationWriter conversationWriter(ConversationDao conversations,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId) {
        return new ConversationWriter(conversations, period(parameters), runId);
    }

    @Bean
    @JobScope
    ReconstructReport reconstructReport(ConversationDao conversations, PeriodLedger ledger, OutputDirectory output,
            Clock clock, @Value("#{jobParameters}") Map<String, Object> parameters) {
        return new ReconstructReport(conversations, ledger, period(parameters), output.path(), clock);
    }

    /**
     * How many partitions run at once. The embedded HSQLDB runs them one at a time: with two writer
     * sessions and open cursors on large cached tables its MVCC transaction manager was seen to leave
     * both writers waiting on each other (benchmark, 3.7M messages). On PostgreSQL: the configured
     * number, else one per core, but never more than the pool can serve: each partition holds two
     * connections (its cursor and its chunk transaction); one holds the run lock and two stay free for
     * the job repository.
     */
    static int partitionsAtOnce(String platform, int configured, int cores, int poolSize) {
        if (platform.equals("hsqldb")) {
            return 1;
        }
        int wanted = configured > 0 ? configured : cores;
        return Math.max(1, Math.min(wanted, (poolSize - RESERVED_CONNECTIONS) / CONNECTIONS_PER_PARTITION));
    }

    private static int partitionsAtOnce(DataSource dataSource, int configured) throws java.sql.SQLException {
        int poolSize = dataSource instanceof HikariDataSource hikari ? hikari.getMaximumPoolSize() : Integer.MAX_VALUE;
        try (var connection = dataSource.getConnection()) {
            String platform = DatabaseSchema.platform(connection);
            return partitionsAtOnce(platform, configured, Runtime.getRuntime().availableProcessors(), poolSize);
        }
    }

    private static Partitioner bucketPartitioner() {
        return gridSize -> {
            Map<String, ExecutionContext> partitions = new HashMap<>();
            for (int i = 0; i < gridSize; i++) {
                ExecutionContext context = new ExecutionContext();
                context.putInt("partition", i);
                partitions.put("buckets-" + i, context);
            }
            return partitions;
        };
    }

    static Period period(org.springframework.batch.core.job.parameters.JobParameters parameters) {
        Map<String, Object> values = new HashMap<>();
        parameters.parameters().forEach(p -> values.put(p.name(), p.value()));
        return period(values);
    }

    static Period period(Map<String, Object> parameters) {
        return new Period(LocalDate.parse(PARAMETERS.value(parameters, "from")),
                LocalDate.parse(PARAMETERS.value(parameters, "to")),
                ScopeMode.ofParameter(PARAMETERS.value(parameters, "conversation-scope")));
    }
}
