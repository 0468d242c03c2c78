package com.wabilling;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import org.springframework.batch.core.configuration.annotation.JobScope;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;

import com.wabilling.messages.V6__MessagesIntoBlocks;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.batch.ProcessOwner;
import com.wabilling.support.config.OutputDirectory;
import com.wabilling.support.config.ProgressInterval;
import com.wabilling.support.config.ReferenceDirectory;
import com.wabilling.support.jdbc.V1__Baseline;
import com.wabilling.support.rejects.RunRecords;
import com.wabilling.templates.TemplateClassifier;
import com.wabilling.templates.TemplateDao;
import com.wabilling.templates.signals.SignalLexicon;

/** Beans shared by the jobs: directories, clock, DAOs and the pure domain services. */
@Configuration(proxyBeanMethods = false)
public class WaBillingConfiguration {

    @Bean
    OutputDirectory outputDirectory(@Value("${wa-billing.output-dir}") String dir) {
        return new OutputDirectory(Path.of(dir));
    }

    @Bean
    ReferenceDirectory referenceDirectory(@Value("${wa-billing.reference-dir}") String dir) {
        return new ReferenceDirectory(Path.of(dir));
    }

    /**
     * The reference files as one job execution sees them: each file parsed at most once per execution, every
     * step and partition of the job handed the same snapshot; a resumed run reads them again.
     */
    @Bean
    @JobScope
    ReferenceFiles referenceFiles(ReferenceDirectory reference) {
        return new ReferenceFiles(reference.path());
    }

    /** Schema version 1 for Flyway (Boot's auto-configuration runs Java migrations that are beans). */
    @Bean
    V1__Baseline baselineMigration() {
        return new V1__Baseline();
    }

    /** Schema version 6: messages into blocks (a Java migration: the binary type differs per database). */
    @Bean
    V6__MessagesIntoBlocks messagesIntoBlocksMigration() {
        return new V6__MessagesIntoBlocks();
    }

    /** Schema version 15: the invoice columns that count conversations or messages become quantity (renamed per database). */
    @Bean
    com.wabilling.invoicing.V15__InvoiceQuantity invoiceQuantityMigration() {
        return new com.wabilling.invoicing.V15__InvoiceQuantity();
    }

    @Bean
    ProgressInterval progressInterval(@Value("${wa-billing.progress-seconds:5}") double seconds) {
        return new ProgressInterval(Duration.ofMillis(Math.round(seconds * 1000)));
    }

    @Bean
    com.wabilling.support.batch.LongPhases longPhases(org.springframework.batch.core.repository.JobRepository repository,
            ProgressInterval interval) {
        return new com.wabilling.support.batch.LongPhases(repository, interval.value());
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    @DependsOn("flywayInitializer") // the schema is migrated before anything writes to it
    RunRecords runRecords(NamedParameterJdbcOperations jdbc) {
        return new RunRecords(jdbc);
    }

    @Bean
    TemplateDao templateDao(NamedParameterJdbcOperations jdbc) {
        return new TemplateDao(jdbc);
    }

    @Bean
    TemplateClassifier templateClassifier() {
        return new TemplateClassifier(SignalLexicon.fromClasspath());
    }

    @Bean
    ProcessOwner processOwner(JobRepository jobRepository, @Value("${wa-billing.data-dir}") String dataDir) {
        ProcessOwner owner = ProcessOwner.current(Path.of(dataDir));
        owner.setJobRepository(jobRepository);
        return owner;
    }
}
