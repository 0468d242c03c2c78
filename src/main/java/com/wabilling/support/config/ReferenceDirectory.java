package com.wabilling.support.config;

import java.nio.file.Path;

/** Where accounts.csv, markets.csv and rate-card.csv are (docs/operations.md: WA_BILLING_REFERENCE_DIR). */
public record ReferenceDirectory(Path path) {
}
