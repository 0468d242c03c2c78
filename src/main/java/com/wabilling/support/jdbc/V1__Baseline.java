package com.wabilling.support.jdbc;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Schema version 1, the Flyway baseline: exactly what a database made before Flyway contains, the
 * job repository tables from Spring Batch's own script for the database in use (not a copy, so they
 * match the Spring Batch on the classpath) and the domain tables of {@code db/baseline/domain-tables.sql}.
 * Runs on an empty database only; a database from before Flyway is baselined at 1 instead
 * ({@code spring.flyway.baseline-on-migrate}). The class name gives Flyway the version.
 */
public class V1__Baseline extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String platform = DatabaseSchema.platform(connection);
        new ResourceDatabasePopulator(
                new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"),
                new ClassPathResource("db/baseline/domain-tables.sql")).populate(connection);
    }
}
