package com.wabilling.support.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.batch.infrastructure.support.DatabaseType;

/**
 * The databases wa-billing runs on. The schema itself (job repository and domain tables) is
 * versioned by Flyway: {@link V1__Baseline}, then {@code db/migration/V<n>__*.sql}.
 */
public final class DatabaseSchema {

    private DatabaseSchema() {
    }

    /** {@code hsqldb} or {@code postgresql}, the suffix of platform-specific scripts and statements. */
    public static String platform(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        return switch (DatabaseType.fromProductName(product)) {
            case HSQL -> "hsqldb";
            case POSTGRES -> "postgresql";
            default -> throw new IllegalStateException("unsupported database " + product
                    + ": use the embedded HSQLDB or PostgreSQL");
        };
    }
}
