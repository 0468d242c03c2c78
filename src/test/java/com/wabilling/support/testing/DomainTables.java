package com.wabilling.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import com.wabilling.messages.V6__MessagesIntoBlocks;

/**
 * The domain tables at the latest schema version, without Spring or Flyway: the baseline, every SQL
 * migration, then the Java migration V6 (the SQL ones all come before it).
 */
public final class DomainTables {

    private DomainTables() {
    }

    public static void create(DataSource dataSource) {
        try {
            Resource[] migrations = new PathMatchingResourcePatternResolver().getResources("classpath:db/migration/V*__*.sql");
            Arrays.sort(migrations, Comparator.comparingInt(DomainTables::version));
            ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                    new ClassPathResource("db/baseline/domain-tables.sql"));
            Arrays.stream(migrations).forEach(populator::addScript);
            populator.execute(dataSource);
            try (Connection connection = dataSource.getConnection()) {
                new V6__MessagesIntoBlocks().migrate(new Context() {
                    @Override
                    public Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public Connection getConnection() {
                        return connection;
                    }
                });
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(Resource migration) {
        String name = migration.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
