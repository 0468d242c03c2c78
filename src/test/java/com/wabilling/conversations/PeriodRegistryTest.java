package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.messages.CustomerLinkDao;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.support.testing.DomainTables;

/** When the state at a period's start is known, and which start to use when it is not. */
class PeriodRegistryTest {

    private static int databases;
    private JdbcTemplate jdbc;
    private PeriodRegistry ledger;

    @BeforeEach
    void database() {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:ledger" + (++databases),
                "SA", "");
        DomainTables.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        ledger = new PeriodRegistry(JdbcClient.create(jdbc), new PricedMessageDao(new NamedParameterJdbcTemplate(jdbc)),
                new CustomerLinkDao(new NamedParameterJdbcTemplate(jdbc)));
    }

    @Test
    void aFirstPeriodWithEarlierMessagesStartsAtTheFirstMessage() {
        messages("2023-05-25T08:00:00Z", "2023-05-30T08:00:00Z", "2023-06-02T08:00:00Z");

        assertThat(exactStartFor("2023-06-01")).contains(LocalDate.parse("2023-05-25"));
    }

    @Test
    void aPeriodRightAfterARecordedOneOrInsideOneIsKnown() {
        messages("2023-05-25T08:00:00Z", "2023-05-31T08:00:00Z");
        recorded("2023-05-25", "2023-06-01");
        assertThat(exactStartFor("2023-06-01")).isEmpty();

        recorded("2023-06-01", "2023-07-06");
        assertThat(exactStartFor("2023-06-10")).isEmpty();
    }

    @Test
    void ninetySixHoursOfSilenceBeforeTheStartMakeItKnown() {
        messages("2023-05-27T23:59:59Z", "2023-06-02T08:00:00Z");
        assertThat(exactStartFor("2023-06-01")).isEmpty(); // 2023-05-28 00:00 to 06-01 is silent

        messages("2023-05-28T00:00:00Z");
        assertThat(exactStartFor("2023-06-01")).contains(LocalDate.parse("2023-05-27"));
    }

    @Test
    void afterTheLastRecordedPeriodTheStartIsItsEndOrTheFirstMessageAfterASilence() {
        recorded("2023-05-01", "2023-05-10");
        messages("2023-05-05T08:00:00Z", "2023-05-25T08:00:00Z", "2023-05-30T08:00:00Z");
        // 2023-05-10 .. 05-25 is silent for more than 96 h: the day of the next message is known
        assertThat(exactStartFor("2023-06-01")).contains(LocalDate.parse("2023-05-25"));

        recorded("2023-05-11", "2023-05-23");
        // only 2 days from 05-23 to 05-25: start where the last recorded period ends
        assertThat(exactStartFor("2023-06-01")).contains(LocalDate.parse("2023-05-23"));
    }

    @Test
    void aRebuildResumedAfterAnImportIsRecordedWithWhatItStartedFromSoItStaysStale() {
        messages("2023-06-02T08:00:00Z");
        Period june = new Period(LocalDate.parse("2023-06-01"), LocalDate.parse("2023-07-01"), ScopeMode.PHONE_NUMBER);
        ledger.startRebuild(june, "jobs/wa-billing reconstruct from=2023-06-01 to=2023-07-01", Instant.now());
        // killed; a late export is imported; the same command resumes, and partitions that had completed
        // before the kill never read the late message
        messages("2023-06-10T08:00:00Z");
        ledger.record(june, 2, Instant.now());

        assertThat(ledger.isStale(ScopeMode.PHONE_NUMBER, ledger.recorded(ScopeMode.PHONE_NUMBER).get(0))).isTrue();

        // rebuilt with nothing imported meanwhile: up to date
        ledger.startRebuild(june, "jobs/wa-billing reconstruct from=2023-06-01 to=2023-07-01 rerun=2", Instant.now());
        ledger.record(june, 3, Instant.now());
        assertThat(ledger.isStale(ScopeMode.PHONE_NUMBER, ledger.recorded(ScopeMode.PHONE_NUMBER).get(0))).isFalse();
    }

    private Optional<LocalDate> exactStartFor(String from) {
        LocalDate start = LocalDate.parse(from);
        return ledger.exactStartInstead(new Period(start, start.plusDays(1), ScopeMode.PHONE_NUMBER));
    }

    private void recorded(String from, String to) {
        jdbc.update("INSERT INTO reconstructed_period (scope_mode, from_ms, to_ms, window_messages, carried_hash,"
                + " run_id, completed_at_ms) VALUES ('phone-number', ?, ?, 0, '', 1, 0)", millis(from + "T00:00:00Z"),
                millis(to + "T00:00:00Z"));
    }

    private void messages(String... times) {
        for (String t : times) {
            new MessageDao(new NamedParameterJdbcTemplate(jdbc)).insert(List.of(new ExportedMessage("m" + t, "100",
                    "200", "31600000001", Direction.INBOUND, "text", null, null, Instant.parse(t), null, null,
                    null, null, null)), 1);
        }
    }

    private static long millis(String instant) {
        return Instant.parse(instant).toEpochMilli();
    }
}
