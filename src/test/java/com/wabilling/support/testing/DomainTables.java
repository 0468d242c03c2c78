package com.wabilling.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.List;
import java.util.TreeMap;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.wabilling.invoicing.V15__InvoiceQuantity;
import com.wabilling.messages.V6__MessagesIntoBlocks;

/**
 * The domain tables at the latest schema version, without Spring or Flyway: the baseline, then every SQL migration
 * and every Java migration after V1 in version order.
 */
public final class DomainTables {

    /** The Java migrations after the baseline (the application lists them in ops.MigrationSet). */
    private static final List<BaseJavaMigration> JAVA = List.of(new V6__MessagesIntoBlocks(), new V15__InvoiceQuantity());

    private DomainTables() {
    }

    public static void create(DataSource dataSource) {
        try {
            new ResourceDatabasePopulator(new ClassPathResource("db/baseline/domain-tables.sql")).execute(dataSource);
            TreeMap<Integer, Object> migrations = new TreeMap<>();
            for (Resource script : new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql")) {
                migrations.put(version(script.getFilename()), script);
            }
            JAVA.forEach(m -> migrations.put(version(m.getClass().getSimpleName()), m));
            try (Connection connection = dataSource.getConnection()) {
                for (Object migration : migrations.values()) {
                    if (migration instanceof Resource script) {
                        new ResourceDatabasePopulator(script).populate(connection);
                    } else {
                        ((BaseJavaMigration) migration).migrate(context(connection));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Context context(Connection connection) {
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }

    private static int version(String name) {
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
