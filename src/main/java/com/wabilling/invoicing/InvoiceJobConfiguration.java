package com.wabilling.invoicing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.conversations.ConversationDao;
import com.wabilling.conversations.PeriodRegistry;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.plans.PlanFiles;
import com.wabilling.prepaid.PrepaidFiles;
import com.wabilling.prepaid.StatementDao;
import com.wabilling.plans.PlanTerms;
import com.wabilling.plans.PlanUsageReader;
import com.wabilling.messages.MessageDao;
import com.wabilling.support.batch.JobParameterSpec;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.batch.Progress;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.config.ProgressInterval;

/**
 * invoice (docs/billing-rules.md 4): check coverage and rates for every account, price each account's month
 * into a draft (or a draft adjustment), finalize when asked, then write the invoice files.
 */
@Configuration(proxyBeanMethods = false)
public class InvoiceJobConfiguration {

    public static final String JOB_NAME = "invoice";
    public static final JobParameterSpec PARAMETERS = new JobParameterSpec(JOB_NAME, List.of(
            JobParameterSpec.Param.required("month", JobParameterSpec.Kind.MONTH),
            JobParameterSpec.Param.optional("finalize", "false", JobParameterSpec.Kind.BOOLEAN),
            JobParameterSpec.Param.optional(InvoiceRun.LEAVE_OUT, "", JobParameterSpec.Kind.WABA_IDS),
            JobParameterSpec.Param.optional(InvoiceRun.REGIME, "", JobParameterSpec.Kind.NAME),
            JobParameterSpec.Param.optional(InvoiceRun.INVOICE_DATE, "", JobParameterSpec.Kind.DATE),
            JobParameterSpec.Param.optional(InvoiceRun.CORRECT, "", JobParameterSpec.Kind.NAME)));

    @Bean
    @JobScope
    PerMessageMonth perMessageMonth(PricedMessageDao records, ReferenceFiles files) {
        return new PerMessageMonth(records, files.accounts(), files.rateCard(), files.volumeTiers(),
                files.authInternational());
    }

    @Bean
    StatementDao statementDao(NamedParameterJdbcOperations jdbc) {
        return new StatementDao(jdbc);
    }

    @Bean
    InvoiceDao invoiceDao(NamedParameterJdbcOperations jdbc, ConversationDao conversations, PricedMessageDao priced) {
        return new InvoiceDao(jdbc, conversations, priced);
    }

    @Bean
    Job invoiceJob(JobRepository jobRepository, Step checkInvoiceInputsStep, Step computeInvoicesStep,
            Step finalizeInvoicesStep, Step invoiceReportStep, Step writeDocumentsStep, ProcessOwner processOwner,
            Clock clock) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new InvoiceParameters(clock))
                .listener(processOwner)
                .start(checkInvoiceInputsStep)
                .next(computeInvoicesStep)
                .next(finalizeInvoicesStep)
                .next(invoiceReportStep)
                .next(writeDocumentsStep) // invoicing.documents: the PDFs and Peppol files
                .build();
    }

    @Bean
    Step checkInvoiceInputsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InvoiceDao invoices, PeriodRegistry ledger, ReferenceFiles files) {
        return new StepBuilder("check-coverage-and-rates", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    new PlanFiles(files).terms(); // a broken plans.csv or plan_id stops here, before any work
                    new PrepaidFiles(files).terms(); // so does a broken billing column or payments.csv
                    new InvoicePreflight(invoices, ledger).check(files.accounts(), files.rateCard(), files.authInternational(),
                            InvoiceRun.of(chunkContext.getStepContext().getJobParameters()),
                            files.directory().resolve("accounts.csv").toString());
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                // checked again when a failed run resumes: messages may have been imported, periods re-run
                // or accounts added since the failure, and nothing may be billed on what changed
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    Step computeInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            AccountReader accountReader, InvoiceProcessor invoiceProcessor, InvoiceWriter invoiceWriter,
            ReferenceFiles files, ProgressInterval interval) {
        return new StepBuilder("compute-invoices", jobRepository)
                .<BillingAccount, InvoicePlan>chunk(1)
                .transactionManager(transactionManager)
                .reader(accountReader)
                .processor(invoiceProcessor)
                .writer(invoiceWriter)
                .listener(Progress.ofTotal(JOB_NAME, "accounts", account -> 1,
                        step -> (long) files.accounts().size(), interval.value()))
                .build();
    }

    @Bean
    Step finalizeInvoicesStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InvoiceDao invoices, StatementDao statements, ReferenceFiles files, Clock clock) {
        return new StepBuilder("finalize-invoices", jobRepository)
                .tasklet((contribution, chunkContext) -> {
                    InvoiceRun run = InvoiceRun.of(chunkContext.getStepContext().getJobParameters());
                    if (run.finalizing()) {
                        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
                        LocalDate issueDate = run.invoiceDate() == null ? today : run.invoiceDate();
                        if (issueDate.isAfter(today) || issueDate.isBefore(run.month().atEndOfMonth())) {
                            throw new IllegalStateException("invoice-date " + issueDate + " must lie between the last"
                                    + " day of " + run.month() + " (" + run.month().atEndOfMonth() + ": an invoice for"
                                    + " usage is dated after it) and today (" + today + " UTC)");
                        }
                        invoices.finalizeDrafts(run.month(), clock.instant(), issueDate);
                        new InvoiceVat(files).freeze(invoices, run.month());
                        // docs/billing-rules.md 4.7: a prepaid account's statement, once the month's VAT is known
                        new PrepaidStatements(invoices, statements, new PrepaidFiles(files).terms())
                                .record(run.month(), files.accounts(), clock.instant());
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step invoiceReportStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            Tasklet invoiceReport) {
        return new StepBuilder("write-invoices", jobRepository)
                .tasklet(invoiceReport, transactionManager)
                // a resumed run writes the books again, so that VAT recorded since is in them as in the documents
                .allowStartIfComplete(true)
                .build();
    }

    @Bean
    @StepScope
    AccountReader accountReader(ReferenceFiles files) {
        return new AccountReader(files.accounts());
    }

    @Bean
    @StepScope
    InvoiceProcessor invoiceProcessor(InvoiceDao invoices, ReferenceFiles files, PerMessageMonth perMessage,
            OutputDirectory output, MessageDao messages, @Value("#{jobParameters}") java.util.Map<String, Object> parameters) {
        InvoiceRun run = InvoiceRun.of(parameters);
        PlanTerms terms = new PlanFiles(files).terms();
        PlanInvoiceLines plans = terms.anyPlan() ? new PlanInvoiceLines(terms, new PlanUsageReader(messages),
                files.accounts(), run.month()) : null;
        return new InvoiceProcessor(invoices, files.rateCard(), run,
                new MessagesExplanationFile(invoices, perMessage),
                output.path().resolve("invoices").resolve(run.month().toString()), plans);
    }

    @Bean
    @StepScope
    InvoiceWriter invoiceWriter(InvoiceDao invoices, Clock clock,
            @Value("#{stepExecution.jobExecution.jobInstanceId}") long runId) {
        return new InvoiceWriter(invoices, runId, clock);
    }

    @Bean
    @JobScope
    Tasklet invoiceReport(InvoiceDao invoices, StatementDao statementDao, OutputDirectory output, ReferenceFiles files,
            PerMessageMonth perMessage, Clock clock, com.wabilling.support.batch.LongPhases phases,
            @Value("#{jobParameters}") java.util.Map<String, Object> parameters) {
        InvoiceRun run = InvoiceRun.of(parameters);
        if (run.isWhatIf()) {
            return new WhatIfReport(perMessage, files.accounts(), output.path(), run);
        }
        InvoiceReport report = new InvoiceReport(invoices, output.path(), new ConversationsExplanationFile(invoices,
                files.rateCard()), new MessagesExplanationFile(invoices, perMessage), run,
                new InvoiceVat(files), LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC), phases);
        return new PrepaidStatements(invoices, statementDao, null).after(report,
                output.path().resolve("invoices").resolve(run.month().toString()), run.month());
    }
}
