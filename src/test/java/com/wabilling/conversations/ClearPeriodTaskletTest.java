package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.scope.context.StepContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.testing.DomainTables;

/**
 * docs/billing-rules.md 3.4: a re-run clears its period's pricing records a day per transaction and a restart
 * goes on from the day its step context names, never past the period's end.
 */
class ClearPeriodTaskletTest {

    private static int databases;
    private JdbcTemplate jdbc;
    private ClearPeriodTasklet tasklet;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource(
                "jdbc:hsqldb:mem:clear" + (++databases), "SA", "");
        DomainTables.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        tasklet = new ClearPeriodTasklet(null, new PricedMessageDao(new NamedParameterJdbcTemplate(jdbc)), null,
                new ReferenceFiles(Path.of("unused")), Clock.systemUTC());
        for (String at : new String[] {"2026-11-29T10:00:00Z", "2026-11-30T23:59:59Z", "2026-12-01T00:00:00Z",
            "2026-12-02T08:00:00Z"}) {
            jdbc.update("INSERT INTO priced_message (scope_mode, message_id, waba_id, phone_number_id, customer_wa_id,"
                    + " bucket, market, category, pricing_type, regime, delivered_at_ms, inside_service_window,"
                    + " opens_entry_point, awaits_service_tier, run_id) VALUES ('phone-number', ?, '1', '2', '3', 0,"
                    + " 'India', 'MARKETING', 'REGULAR', 'PMP-2026-10', ?, 0, 0, 0, 1)", "m-" + at,
                    Instant.parse(at).toEpochMilli());
        }
    }

    @Test
    void aRestartGoesOnFromTheDayItsContextNamesUntilThePeriodEnds() throws Exception {
        StepExecution step = step("2026-11-01", "2026-12-01");
        step.getExecutionContext().putString("pricing-records-cleared-until", "2026-11-29");

        assertThat(tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step))))
                .isEqualTo(RepeatStatus.CONTINUABLE);
        assertThat(remaining()).containsExactly("2026-11-30T23:59:59Z", "2026-12-01T00:00:00Z", "2026-12-02T08:00:00Z");
        assertThat(tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step))))
                .isEqualTo(RepeatStatus.FINISHED);
        assertThat(remaining()).containsExactly("2026-12-01T00:00:00Z", "2026-12-02T08:00:00Z");
    }

    @Test
    void aRestartAfterTheLastDaysCommitClearsNothingOfTheNextPeriod() throws Exception {
        StepExecution step = step("2026-11-01", "2026-12-01");
        step.getExecutionContext().putString("pricing-records-cleared-until", "2026-12-01");

        assertThat(tasklet.execute(new StepContribution(step), new ChunkContext(new StepContext(step))))
                .isEqualTo(RepeatStatus.FINISHED);
        assertThat(remaining()).hasSize(4);
    }

    private java.util.List<String> remaining() {
        return jdbc.queryForList("SELECT delivered_at_ms FROM priced_message ORDER BY delivered_at_ms", Long.class)
                .stream().map(ms -> Instant.ofEpochMilli(ms).toString()).toList();
    }

    private static StepExecution step(String from, String to) {
        var parameters = new JobParametersBuilder().addString("from", from).addString("to", to)
                .addString("conversation-scope", "phone-number").toJobParameters();
        JobExecution job = new JobExecution(1L, new JobInstance(1L, "reconstruct"), parameters);
        return new StepExecution(1L, "clear-period", job);
    }
}
