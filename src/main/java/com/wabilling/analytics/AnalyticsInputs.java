package com.wabilling.analytics;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** reconcile-meta's input=: one saved response, or a folder of them ({@code *.json} directly in it, by name). */
final class AnalyticsInputs {

    private AnalyticsInputs() {
    }

    /** The files, or why there are none (a usage problem). */
    static List<Path> resolve(String input) {
        Path path = Path.of(input);
        if (input.isBlank() || !Files.exists(path)) {
            throw new IllegalArgumentException("input= does not exist: '" + input + "'");
        }
        if (Files.isRegularFile(path)) {
            return List.of(path);
        }
        try (Stream<Path> files = Files.list(path)) {
            List<Path> json = files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .sorted().toList();
            if (json.isEmpty()) {
                throw new IllegalArgumentException("input= names a folder without *.json files: " + input);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + input, e);
        }
    }
}
