package com.wabilling.support.jdbc;

import java.util.Locale;

/**
 * The databases wa-billing runs on. The schema itself (job repository and domain tables) is
 * versioned by Flyway: {@link V1__Baseline}, then {@code db/migration/V<n>__*.sql}.
 */
public final class DatabaseSchema {

    private DatabaseSchema() {
    }

    /** {@code hsqldb} or {@code postgresql}, the suffix of platform-specific scripts and statements. */
    public static String platform(String productName) {
        String name = productName.toLowerCase(Locale.ROOT);
        if (name.contains("hsql")) {
            return "hsqldb";
        }
        if (name.contains("postgres")) {
            return "postgresql";
        }
        throw new IllegalStateException("unsupported database " + productName + ": use the embedded HSQLDB or PostgreSQL");
    }
}
