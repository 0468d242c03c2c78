package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.conversations.ConversationDao;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.support.testing.DomainTables;

/**
 * After the books, the month folder keeps only the staged explanations another run's invoices still await, by the
 * checksum recorded with them (docs/billing-rules.md 4.4, "An explanation is priced once").
 */
class StagedExplanationsTest {

    private static final String AWAITED = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f90";
    private static final String OTHER = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

    @Test
    void onlyTheFileAnotherRunsInvoiceRecordsIsKept(@TempDir Path dir) throws Exception {
        DriverManagerDataSource dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:staged", "SA", "");
        DomainTables.create(dataSource);
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        invoice(jdbc, "INV-201-2026-08", "201", 7, AWAITED); // computed by run 7, whose books are still to write
        invoice(jdbc, "INV-202-2026-08", "202", 9, AWAITED); // computed by this run (9): its books are written
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        InvoiceDao invoices = new InvoiceDao(named, new ConversationDao(named), new PricedMessageDao(named));
        Path awaited = touch(MessagesExplanationFile.staged(dir, "INV-201-2026-08", AWAITED));
        Path rolledBack = touch(MessagesExplanationFile.staged(dir, "INV-201-2026-08", OTHER));
        Path ofThisRun = touch(MessagesExplanationFile.staged(dir, "INV-202-2026-08", AWAITED));
        Path ofNoInvoice = touch(MessagesExplanationFile.staged(dir, "INV-203-2026-08", OTHER));
        Path earlierVersion = touch(dir.resolve(".messages-201-41.staged.csv"));
        Path killedWhilePricing = touch(dir.resolve("..messages-203.staging.csv.tmp"));
        Path book = touch(dir.resolve("INV-201-2026-08-messages.csv"));

        new MessagesExplanationFile(invoices, null).dropStaged(dir, invoices.summary(YearMonth.of(2026, 8)), 9);

        try (Stream<Path> left = Files.list(dir)) {
            assertThat(left).containsExactlyInAnyOrder(awaited, book);
        }
        assertThat(Stream.of(rolledBack, ofThisRun, ofNoInvoice, earlierVersion, killedWhilePricing))
                .noneMatch(Files::exists);
    }

    private static void invoice(JdbcTemplate jdbc, String id, String waba, long runId, String sha) {
        jdbc.update("INSERT INTO invoice (invoice_id, kind, status, waba_id, billing_month, account_name, currency,"
                + " quantity, billable, subtotal, markup, total, created_at_ms, run_id, explanation_sha256,"
                + " explanation_rows) VALUES (?, 'INVOICE', 'DRAFT', ?, '2026-08', 'Ελληνικά Δίκτυα', 'EUR', 3, 2, 0.1,"
                + " 0.01, 0.11, 0, ?, ?, 3)", id, waba, runId, sha);
    }

    private static Path touch(Path file) throws Exception {
        return Files.writeString(file, "message_id\n");
    }
}
