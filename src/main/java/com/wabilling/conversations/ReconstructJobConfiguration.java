package com.wabilling.conversations;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.periods.PeriodParameters;
import com.wabilling.permessage.PerMessageAccounts;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.permessage.ServiceTierSettlement;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.pricing.Regimes;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.LongPhases;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.Progress;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.config.ProgressInterval;
import com.wabilling.support.partitions.RemotePartitions;
import com.wabilling.templates.TemplateDao;

/**
 * reconstruct (docs/billing-rules.md 3): clear the period, rebuild its conversations scope by scope in
 * partitions of customer buckets (scopes are independent), then write the files and the summary.
 */
@Configuration(proxyBeanMethods = false)
public class ReconstructJobConfiguration {

    public static final String JOB_NAME = "reconstruct";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required(PeriodParameters.FROM, JobParameterSpec.Kind.DATE),
            JobParameterSpec.Param.required(PeriodParameters.TO, JobParameterSpec.Kind.DATE),
            JobParameterSpec.Param.optional(PeriodParameters.SCOPE, PeriodParameters.DEFAULT_SCOPE.parameter(),
                    JobParameterSpec.Kind.SCOPE)));
    static final int GRID_SIZE = 8;
    private static final int CHUNK_SIZE = 500;

    @Bean
    ConversationDao conversationDao(NamedParameterJdbcOperations jdbc) {
        return new ConversationDao(jdbc);
    }

    @Bean
    PricedMessageDao pricedMessageDao(NamedParameterJdbcOperations jdbc) {
        return new PricedMessageDao(jdbc);
    }

    @Bean
    PeriodRegistry periodRegistry(JdbcClient jdbc, PricedMessageDao priced, MessageDao messageDao) {
        return new PeriodRegistry(jdbc, priced, messageDao.links());
    }

    @Bean
    MessageSort messageSort(MessageDao messageDao, @Value("${wa-billing.data-dir}") String dataDir) {
        return new MessageSort(messageDao, Path.of(dataDir, "sort"));
    }

    @Bean
    SortWindowTasklet sortWindowTasklet(MessageSort messageSort, PeriodRegistry ledger, LongPhases phases,
            RemotePartitions remote) {
        // on workers each partition sorts its own messages where it runs (PartitionSort)
        return new SortWindowTasklet(messageSort, GRID_SIZE, ledger, phases, !remote.enabled());
    }

    @Bean
    Job reconstructJob(JobRepository jobRepository, Step clearPeriodStep, Step sortWindowStep,
            Step reconstructPartitionsStep, Step serviceTierStep, Step reconstructReportStep, ProcessOwner processOwner,
            SortWindowTasklet sortWindowTasklet, Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new ReconstructParameters(clock))
                .listener(processOwner)
                .listener(sortWindowTasklet)
                .start(clearPeriodStep)
                .next(sortWindowStep)
                .next(reconstructPartitionsStep)
                .next(serviceTierStep)
                .next(reconstructReportStep)
                .build();
    }

    @Bean
    Step clearPeriodStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ConversationDao conversations, PricedMessageDao priced, PeriodRegistry ledger, ReferenceFiles reference,
            Clock clock) {
        return new StepBuilder("clear-period", jobRepository)
                .tasklet(new ClearPeriodTasklet(conversations, priced, ledger, reference, clock),
                        transactionManager)
                .build();
    }

    @Bean
    Step sortWindowStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            SortWindowTasklet sortWindowTasklet) {
        return new StepBuilder("sort-messages", jobRepository)
                .tasklet(sortWindowTasklet, transactionManager)
                .allowStartIfComplete(true) // the partitions of a restart read its files again
                .build();
    }

    @Bean
    Step reconstructPartitionsStep(JobRepository jobRepository, Step reconstructScopesStep, DataSource dataSource,
            @Value("${wa-billing.reconstruct.partitions-at-once:0}") int partitionsAtOnce, RemotePartitions remote)
            throws java.sql.SQLException {
        if (remote.enabled()) {
            return new StepBuilder("reconstruct", jobRepository)
                    .partitioner("reconstruct-scopes", new BucketPartitioner())
                    .partitionHandler(remote.handler(GRID_SIZE))
                    .build();
        }
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("reconstruct-");
        executor.setConcurrencyLimit(PartitionsAtOnce.of(dataSource, partitionsAtOnce));
        return new StepBuilder("reconstruct", jobRepository)
                .partitioner("reconstruct-scopes", new BucketPartitioner())
                .step(reconstructScopesStep)
                .gridSize(GRID_SIZE)
                .taskExecutor(executor)
                .build();
    }

    @Bean
    Step reconstructScopesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ScopeHistoryReader scopeHistoryReader, ReconstructProcessor reconstructProcessor,
            ConversationWriter conversationWriter, PeriodRegistry ledger, ProgressInterval interval,
            MessageSort messageSort, RemotePartitions remote) {
        var builder = new StepBuilder("reconstruct-scopes", jobRepository);
        if (remote.enabled()) {
            builder.listener(new PartitionSort(messageSort, GRID_SIZE));
        }
        return builder
                .<ScopeHistory, ScopeOutcome>chunk(CHUNK_SIZE)
                .transactionManager(transactionManager)
                .reader(scopeHistoryReader)
                .processor(reconstructProcessor)
                .writer(conversationWriter)
                .listener(Progress.ofTotal(JOB_NAME, "messages", scope -> ((ScopeHistory) scope).messages().size(),
                        step -> ledger.windowMessages(PeriodParameters.of(step.getJobParameters())), interval.value()))
                .build();
    }

    @Bean
    Step serviceTierStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            ServiceTierSettlement serviceTierSettlement) {
        return new StepBuilder("settle-service-tier", jobRepository)
                .tasklet(serviceTierSettlement, transactionManager)
                .build();
    }

    @Bean
    @JobScope
    ServiceTierSettlement serviceTierSettlement(PricedMessageDao priced, ReferenceFiles reference,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        Period period = PeriodParameters.of(parameters);
        return new ServiceTierSettlement(priced, period, PerMessageAccounts.zones(period, reference),
                Regimes.META);
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
    ScopeHistoryReader scopeHistoryReader(MessageSort messageSort, DataSource dataSource,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecution}") org.springframework.batch.core.step.StepExecution partition,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId, RemotePartitions remote) {
        BucketPartitioner.Bounds bounds = BucketPartitioner.bounds(partition.getExecutionContext(), GRID_SIZE);
        String sorted = remote.enabled() ? PartitionSort.name(runId, MessageSort.partitionOf(bounds.first(), GRID_SIZE))
                : SortWindowTasklet.name(runId);
        return new ScopeHistoryReader(messageSort.directory(sorted), dataSource, PeriodParameters.of(parameters),
                bounds.first(), bounds.last());
    }

    @Bean
    @StepScope
    ReconstructProcessor reconstructProcessor(TemplateDao templates, ReferenceFiles reference, MessageDao messageDao,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        Period period = PeriodParameters.of(parameters);
        return new ReconstructProcessor(period, templates.categoryHistory(), reference.markets(),
                PerMessageAccounts.zones(period, reference), Regimes.META, messageDao.links().all());
    }

    @Bean
    @StepScope
    ConversationWriter conversationWriter(ConversationDao conversations, PricedMessageDao priced,
            @Value("#{jobParameters}") Map<String, Object> parameters,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId) {
        return new ConversationWriter(conversations, priced, PeriodParameters.of(parameters), runId);
    }

    @Bean
    @JobScope
    ReconstructReport reconstructReport(ConversationDao conversations, PricedMessageDao priced, MessageDao messages,
            PeriodRegistry ledger,
            OutputDirectory output, ReferenceFiles reference, Clock clock,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        Period period = PeriodParameters.of(parameters);
        return new ReconstructReport(conversations, ledger, period, output.path(), clock,
                PerMessageAccounts.pricingReport(period, reference, conversations, priced, messages));
    }
}
