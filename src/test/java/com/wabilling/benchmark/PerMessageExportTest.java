package com.wabilling.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.messages.ExportedMessage;
import com.wabilling.messages.MessageRowMapper;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.templates.TemplateClassifier;
import com.wabilling.templates.TemplateText;
import com.wabilling.templates.signals.SignalLexicon;

/** The per-message benchmark's generator (README "Benchmark"): deterministic, importable, overlapping as intended. */
class PerMessageExportTest {

    private static final long MESSAGES = 6_000;
    private static final int ACCOUNTS = 60;
    private static final Path SAMPLES = Path.of("sample-data");

    @TempDir
    Path dir;

    @Test
    void theSameArgumentsWriteTheSameFiles() throws IOException {
        new PerMessageExport().write(dir.resolve("a"), MESSAGES, ACCOUNTS, SAMPLES);
        new PerMessageExport().write(dir.resolve("b"), MESSAGES, ACCOUNTS, SAMPLES);

        List<Path> files = files(dir.resolve("a"));
        assertThat(files).hasSize(7).isEqualTo(files(dir.resolve("b")));
        for (Path f : files) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(f))).as("%s", f)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(f)));
        }
    }

    @Test
    void everyRowMapsButTheBrokenOnesAndTheFilesOverlapByTwoPercent() throws IOException {
        long rows = new PerMessageExport().write(dir, MESSAGES, ACCOUNTS, SAMPLES);

        Map<String, String> rejected = new HashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        Set<String> templatesUsed = new HashSet<>();
        long read = 0;
        for (String file : List.of("export-1.csv", "export-2.csv")) {
            CsvFilesReader reader = new CsvFilesReader("m", List.of(dir.resolve("messages").resolve(file)),
                    MessageRowMapper.REQUIRED_COLUMNS);
            reader.open(new ExecutionContext());
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                read++;
                try {
                    ExportedMessage m = MessageRowMapper.map(row, Instant.parse("2026-12-06T00:00:00Z"));
                    seen.merge(m.messageId(), 1, Integer::sum);
                    assertThat(m.timestamp()).isBetween(PerMessageExport.WINDOW_START, PerMessageExport.WINDOW_END);
                    if (m.templateName() != null) {
                        templatesUsed.add(m.wabaId() + "/" + m.templateName() + "/" + m.templateLanguage());
                    }
                } catch (RejectedRecordException e) {
                    rejected.put(row.get("message_id"), e.getMessage());
                }
            }
            reader.close();
        }

        assertThat(read).isEqualTo(rows);
        assertThat(rejected.keySet()).isEqualTo(PerMessageExport.BAD_ROWS.keySet());
        PerMessageExport.BAD_ROWS.forEach((id, reason) -> assertThat(rejected.get(id)).contains(reason));
        assertThat(seen).hasSize((int) MESSAGES);
        long twice = seen.values().stream().filter(n -> n == 2).count();
        assertThat(seen.values()).allMatch(n -> n <= 2);
        assertThat(twice / (double) MESSAGES).isBetween(0.018, 0.022);
        assertThat(templatesUsed).isSubsetOf(catalogue());
    }

    @Test
    void theCatalogueMigratesIntoTheIntendedCategories() {
        TemplateClassifier classifier = new TemplateClassifier(SignalLexicon.fromClasspath());
        for (PerMessageExport.Template t : PerMessageExport.TEMPLATES) {
            assertThat(classifier.classify(new TemplateText(t.language(), t.legacy(), t.header(), t.body(), "",
                    t.buttons())).category().name()).as(t.name() + " " + t.language()).isEqualTo(t.category());
        }
    }

    @Test
    void theReferenceFilesAreAcceptedAndSpanTheZones() throws IOException {
        new PerMessageExport().write(dir, 1_000, 400, SAMPLES);
        ReferenceFiles reference = new ReferenceFiles(dir);

        List<BillingAccount> accounts = reference.accounts();
        assertThat(accounts).hasSize(400);
        assertThat(accounts.stream().map(a -> a.currency().getCurrencyCode()).collect(Collectors.toSet()))
                .containsExactlyInAnyOrder("USD", "EUR");
        assertThat(accounts.stream().map(BillingAccount::portfolioId).distinct().count()).isEqualTo(100);
        Set<Integer> offsets = accounts.stream().map(a -> a.zone().getRules()
                .getOffset(Instant.parse("2026-10-15T00:00:00Z")).getTotalSeconds() / 3600).collect(Collectors.toSet());
        assertThat(offsets).contains(-6, 7).hasSizeGreaterThanOrEqualTo(8);
        assertThat(accounts).allMatch(a -> Math.abs(a.zone().getRules().getOffset(Instant.parse("2026-10-15T00:00:00Z"))
                .getTotalSeconds() - 1800) <= 6 * 3600 + 1800); // from UTC-6 to UTC+7
        reference.markets();
        reference.rateCard();
        assertThat(reference.volumeTiers().isEmpty()).isFalse();
    }

    private Set<String> catalogue() throws IOException {
        try (var reader = Files.newBufferedReader(dir.resolve("templates.csv"))) {
            List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader).getRecords();
            return records.stream().map(r -> r.get("waba_id") + "/" + r.get("name") + "/" + r.get("language"))
                    .collect(Collectors.toSet());
        }
    }

    private static List<Path> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(root::relativize).sorted().toList();
        }
    }
}
