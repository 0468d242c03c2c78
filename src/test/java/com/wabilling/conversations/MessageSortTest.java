package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import com.wabilling.messages.Direction;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.support.testing.DomainTables;

/** One scan, runs spilled in bounded memory, each partition merged back in scope order. */
class MessageSortTest {

    private static final Period PERIOD = new Period(LocalDate.of(2024, 4, 2), LocalDate.of(2024, 4, 4),
            ScopeMode.PHONE_NUMBER);
    private static int databases;

    @TempDir
    Path root;
    private DriverManagerDataSource dataSource;
    private final List<ExportedMessage> stored = new ArrayList<>();

    @BeforeEach
    void messages() {
        dataSource = new DriverManagerDataSource("jdbc:hsqldb:mem:sort" + (++databases), "SA", "");
        DomainTables.create(dataSource);
        Random random = new Random(11);
        Instant start = Instant.parse("2024-03-31T00:00:00Z"); // some before and after the read window
        for (int i = 0; i < 600; i++) {
            boolean inbound = random.nextBoolean();
            // few distinct seconds: ties in event time, broken by direction, then message_id
            Instant at = start.plusSeconds(3600L * random.nextInt(24 * 8) + random.nextInt(2));
            stored.add(new ExportedMessage("m" + random.nextInt(1_000_000) + "-" + i, "10" + random.nextInt(2),
                    "20" + random.nextInt(2), "3160000" + String.format("%04d", random.nextInt(40)),
                    inbound ? Direction.INBOUND : Direction.OUTBOUND, "text", null, null, at,
                    inbound ? null : "delivered", inbound ? null : at, null, null, null));
        }
        // several blocks, as several chunks store them
        MessageDao messages = messageDao();
        for (int from = 0; from < stored.size(); from += 150) {
            messages.insert(stored.subList(from, Math.min(stored.size(), from + 150)), 1);
        }
    }

    @Test
    void everyPartitionReadsItsScopesInOrderWhateverTheRunSize() throws Exception {
        List<String> expected = stored.stream()
                .filter(m -> !m.eventAt().isBefore(PERIOD.readFrom()) && m.eventAt().isBefore(PERIOD.readTo()))
                .sorted((a, b) -> {
                    int c = (a.wabaId() + "|" + a.phoneNumberId() + "|" + a.customerWaId())
                            .compareTo(b.wabaId() + "|" + b.phoneNumberId() + "|" + b.customerWaId());
                    if (c == 0) {
                        c = a.eventAt().compareTo(b.eventAt());
                    }
                    if (c == 0) {
                        c = a.direction().code().compareTo(b.direction().code()); // I before O
                    }
                    return c != 0 ? c : a.messageId().compareTo(b.messageId());
                })
                .map(m -> m.wabaId() + "|" + m.phoneNumberId() + "|" + m.customerWaId() + " " + m.messageId()).toList();

        for (int runRows : new int[] {7, 100, 10_000}) {
            MessageSort sort = new MessageSort(messageDao(), root.resolve("r" + runRows), runRows);
            long rows = sort.sort(PERIOD, 4, "p");
            List<List<String>> partitions = new ArrayList<>();
            for (int p = 0; p < 4; p++) {
                partitions.add(read(sort, p));
            }

            assertThat(rows).isEqualTo(expected.size());
            List<String> all = new ArrayList<>();
            partitions.forEach(all::addAll);
            // partitions hold contiguous bucket ranges, not scope ranges: compare each one with the
            // expected order restricted to its rows, and all of them with every expected row
            assertThat(all).containsExactlyInAnyOrderElementsOf(expected);
            for (List<String> partition : partitions) {
                assertThat(partition).isEqualTo(expected.stream().filter(partition::contains).toList());
            }
        }
    }

    @Test
    void aWorkersSortOfOnePartitionReadsExactlyThatPartitionOfTheWholeSort() throws Exception {
        MessageSort whole = new MessageSort(messageDao(), root.resolve("whole"), 50);
        whole.sort(PERIOD, 4, "p");
        for (int p = 0; p < 4; p++) {
            MessageSort one = new MessageSort(messageDao(), root.resolve("one-" + p), 50);
            long rows = one.sort(PERIOD, 4, "p", com.wabilling.support.batch.LongPhase.silent(), p);

            List<String> expected = read(whole, p);
            assertThat(expected).isNotEmpty();
            assertThat(read(one, p)).isEqualTo(expected);
            assertThat(rows).isEqualTo(expected.size());
            for (int other = 0; other < 4; other++) {
                if (other != p) {
                    assertThat(read(one, other)).as("partition %d in the sort of %d", other, p).isEmpty();
                }
            }
        }
    }

    @Test
    void theFilesOfASortGoWhenDeleted() throws Exception {
        MessageSort sort = new MessageSort(messageDao(), root, 50);
        sort.sort(PERIOD, 2, "gone");
        assertThat(Files.list(sort.directory("gone")).count()).isGreaterThan(2);

        sort.delete("gone");

        assertThat(sort.directory("gone")).doesNotExist();
    }

    @Test
    void aStopRequestEndsTheSortAtOnceAsAStopNotAFailureAndLeavesItIncomplete() throws Exception {
        MessageSort sort = new MessageSort(messageDao(), root, 50);
        java.util.concurrent.atomic.AtomicInteger asked = new java.util.concurrent.atomic.AtomicInteger();
        com.wabilling.support.batch.LongPhase phase = com.wabilling.support.batch.LongPhase.start("sort", "messages", -1,
                java.time.Duration.ofHours(1), () -> asked.incrementAndGet() > 0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sort.sort(PERIOD, 2, "stopped", phase))
                .isInstanceOf(com.wabilling.support.batch.LongPhase.Stopped.class)
                .hasCauseInstanceOf(org.springframework.batch.core.job.JobInterruptedException.class);
        assertThat(phase.done()).isEqualTo(1); // the first message already looked
        assertThat(sort.directory("stopped").resolve("complete")).doesNotExist();
    }

    private MessageDao messageDao() {
        return new MessageDao(new NamedParameterJdbcTemplate(new JdbcTemplate(dataSource)));
    }

    private List<String> read(MessageSort sort, int partition) {
        ScopeHistoryReader reader = new ScopeHistoryReader(sort.directory("p"), dataSource, PERIOD, 16 * partition,
                16 * partition + 15); // 4 partitions of 64 buckets
        reader.open(new ExecutionContext());
        List<String> read = new ArrayList<>();
        try {
            for (ScopeHistory h = reader.read(); h != null; h = reader.read()) {
                Scope s = h.scope();
                h.messages().forEach(m -> read.add(s.wabaId() + "|" + s.phoneNumberId() + "|" + s.customerWaId() + " "
                        + m.messageId()));
            }
        } finally {
            reader.close();
        }
        return read;
    }
}
