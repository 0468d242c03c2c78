package com.wabilling.support.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import com.wabilling.support.Failures;

/** Where reports, conversations and invoices go (docs/operations.md: WA_BILLING_OUTPUT_DIR). */
public record OutputDirectory(Path path) {

    /**
     * Why no file can be written in the directory (made when missing), or empty when one can. Checked
     * before a job starts, so that a run does not do its work to fail at its first report
     * (docs/operations.md, Non-zero exits). A file is really written: permission bits do not stop root.
     */
    public Optional<String> unwritable() {
        try {
            Files.createDirectories(path);
            Files.delete(Files.createTempFile(path, ".write-check-", ".tmp"));
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(Failures.why(e, path));
        }
    }
}
