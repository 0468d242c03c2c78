package com.wabilling.invoicing;

import java.sql.Connection;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import com.wabilling.support.jdbc.DatabaseSchema;

/**
 * Schema version 15: {@code invoice.conversations} and {@code invoice_line.conversations} become {@code quantity},
 * since on a per-message month they count messages (and a price plan line its units). A Java migration because
 * the two databases rename a column in different words: HSQLDB {@code ALTER COLUMN ... RENAME TO}, PostgreSQL
 * {@code RENAME COLUMN}. The files keep their column names (docs/formats.md). The class name gives Flyway the
 * version.
 */
public class V15__InvoiceQuantity extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        boolean postgresql = "postgresql".equals(DatabaseSchema.platform(connection));
        try (Statement ddl = connection.createStatement()) {
            for (String table : new String[] {"invoice", "invoice_line"}) {
                ddl.execute(postgresql ? "ALTER TABLE " + table + " RENAME COLUMN conversations TO quantity"
                        : "ALTER TABLE " + table + " ALTER COLUMN conversations RENAME TO quantity");
            }
        }
    }
}
