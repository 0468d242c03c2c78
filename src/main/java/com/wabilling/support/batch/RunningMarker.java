package com.wabilling.support.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A small file in the data directory naming the execution that runs right now and its process.
 * The embedded database admits one process at a time, so a second launch cannot read the job
 * repository; it reads this file to name the running execution instead (docs/operations.md).
 */
public final class RunningMarker {

    private static final String FILE = "running";

    /** What the marker says: the owner's pid and host and a description of the execution. */
    public record Content(long pid, String host, String description) {
    }

    private RunningMarker() {
    }

    public static Path file(Path dataDir) {
        return dataDir.resolve(FILE);
    }

    static void write(Path marker, long pid, String host, String description) {
        try {
            Files.createDirectories(marker.toAbsolutePath().getParent());
            Files.writeString(marker, pid + "\n" + host + "\n" + description + "\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the marker only improves a message; the job itself does not depend on it
        }
    }

    static void remove(Path marker, long pid) {
        read(marker).filter(c -> c.pid() == pid).ifPresent(c -> {
            try {
                Files.deleteIfExists(marker);
            } catch (IOException e) {
                // see write
            }
        });
    }

    public static Optional<Content> read(Path marker) {
        try {
            String[] lines = Files.readString(marker, StandardCharsets.UTF_8).split("\n");
            return lines.length < 3 ? Optional.empty()
                    : Optional.of(new Content(Long.parseLong(lines[0].strip()), lines[1].strip(), lines[2].strip()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
