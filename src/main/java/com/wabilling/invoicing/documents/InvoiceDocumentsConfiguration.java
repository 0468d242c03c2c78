package com.wabilling.invoicing.documents;

import java.time.Clock;
import java.util.Map;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

import com.wabilling.invoicing.InvoiceDao;
import com.wabilling.invoicing.InvoiceRun;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.config.OutputDirectory;

/** The invoice job's last step, the documents (docs/invoice-documents.md); the job refers to it by name. */
@Configuration(proxyBeanMethods = false)
public class InvoiceDocumentsConfiguration {

    @Bean
    Step writeDocumentsStep(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            InvoiceDocumentsTasklet invoiceDocumentsTasklet) {
        return new StepBuilder("write-documents", jobRepository)
                .tasklet(invoiceDocumentsTasklet, transactionManager)
                .build();
    }

    @Bean
    @JobScope
    InvoiceDocumentsTasklet invoiceDocumentsTasklet(InvoiceDao invoices, com.wabilling.prepaid.StatementDao statements,
            OutputDirectory output, ReferenceFiles reference, Clock clock,
            @Value("#{jobParameters}") Map<String, Object> parameters) {
        // docs/billing-rules.md 4.7: a prepaid account's month's invoice shows how its statement settled it
        return new InvoiceDocumentsTasklet(invoices, output.path(), reference, InvoiceRun.of(parameters), clock,
                r -> !r.finalized() || !r.kind().equals("INVOICE") || r.referencesInvoiceId() != null ? null
                        : statements.find(r.wabaId(), java.time.YearMonth.parse(r.period()))
                                .map(s -> new PrepaidSettlement(s.statement().openingBalance(), s.statement().topUps(),
                                        r.vat() != null ? r.vat().gross() : r.total()))
                                .orElse(null));
    }
}
