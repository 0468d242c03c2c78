package com.wabilling.support.config;

import java.nio.file.Path;

/** Where reports, conversations and invoices go (cli.md: WA_BILLING_OUTPUT_DIR). */
public record OutputDirectory(Path path) {
}
