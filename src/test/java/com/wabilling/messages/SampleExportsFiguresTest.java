package com.wabilling.messages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** sample-data/per-message.md quotes row counts that its generator wrote: they are the files' own. */
class SampleExportsFiguresTest {

    private static final Path DIR = Path.of("sample-data/per-message");
    private static final Pattern ROW = Pattern.compile("^\\| (export-[0-9a-z-]+\\.csv) \\| ([0-9,]+) \\|$", Pattern.MULTILINE);

    @Test
    void theRowCountsInTheDocAreTheFilesRowCounts() throws IOException {
        Map<String, Long> documented = new TreeMap<>();
        Matcher m = ROW.matcher(Files.readString(Path.of("sample-data/per-message.md")));
        while (m.find()) {
            documented.put(m.group(1), Long.parseLong(m.group(2).replace(",", "")));
        }
        Map<String, Long> actual = new TreeMap<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path f : files.filter(f -> f.toString().endsWith(".csv")).toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    actual.put(f.getFileName().toString(), lines.count() - 1); // the header
                }
            }
        }
        assertThat(documented).isEqualTo(actual).hasSize(19);
    }
}
