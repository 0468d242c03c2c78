package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.support.testing.DomainTables;

/** The reader resumes after the last committed scope, and refuses when the messages before it changed. */
class ScopeHistoryReaderTest {

    private static final Period PERIOD = new Period(LocalDate.of(2024, 4, 1), LocalDate.of(2024, 4, 2),
            ScopeMode.PHONE_NUMBER);
    private static int databases;

    @TempDir
    Path sortRoot;
    private DriverManagerDataSource dataSource;
    private JdbcTemplate jdbc;

    @BeforeEach
    void database() {
        dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:scopes" + (++databases), "SA", "");
        DomainTables.create(dataSource);
        jdbc = new JdbcTemplate(dataSource);
        for (int customer = 1; customer <= 5; customer++) {
            message("m" + customer, "3100000000" + customer, "2024-04-01T10:00:00Z");
        }
    }

    @Test
    void resumesAfterTheLastCommittedScope() {
        ExecutionContext context = readThenFail(2);

        List<String> rest = readAll(context);

        assertThat(rest).containsExactly("31000000003", "31000000004", "31000000005");
    }

    @Test
    void messagesAddedBeforeTheRestartPointAreRefusedNamingRerun() {
        ExecutionContext context = readThenFail(2);
        message("late", "31000000001", "2024-04-01T11:00:00Z"); // a scope already committed

        assertThatThrownBy(() -> readAll(context)).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("changed since the failed execution").hasMessageContaining("rerun=");
    }

    @Test
    void messagesAddedAfterTheRestartPointAreSimplyRead() {
        ExecutionContext context = readThenFail(2);
        message("late", "31000000004", "2024-04-01T11:00:00Z");

        assertThat(readAll(context)).containsExactly("31000000003", "31000000004", "31000000005");
    }

    private ExecutionContext readThenFail(int scopes) {
        ExecutionContext context = new ExecutionContext();
        ScopeHistoryReader reader = sortedReader();
        reader.open(context);
        for (int i = 0; i < scopes; i++) {
            reader.read();
        }
        reader.update(context);
        reader.close();
        return context;
    }

    private ScopeHistoryReader sortedReader() {
        MessageSort sort = new MessageSort(new MessageDao(new NamedParameterJdbcTemplate(jdbc)), sortRoot);
        sort.sort(PERIOD, 1, "test");
        return new ScopeHistoryReader(sort.directory("test"), dataSource, PERIOD, 0, 63); // every bucket
    }

    private List<String> readAll(ExecutionContext context) {
        ScopeHistoryReader reader = sortedReader(); // a restart sorts again (sort-messages runs on every start)
        reader.open(context);
        List<String> customers = new ArrayList<>();
        try {
            for (ScopeHistory h = reader.read(); h != null; h = reader.read()) {
                customers.add(h.scope().customerWaId());
            }
        } finally {
            reader.close();
        }
        return customers;
    }

    private void message(String id, String customer, String at) {
        new MessageDao(new NamedParameterJdbcTemplate(jdbc)).insert(List.of(new ExportedMessage(id, "100", "200",
                customer, Direction.INBOUND, "text", null, null, Instant.parse(at), null, null, null, null,
                null)), 1);
    }
}
