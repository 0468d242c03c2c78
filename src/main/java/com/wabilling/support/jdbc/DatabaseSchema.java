package com.wabilling.support.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import javax.sql.DataSource;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Creates the job repository tables (Spring Batch's own script for the database in use) when they
 * are missing, and the domain tables of {@code db/schema.sql}, which are idempotent. Works the
 * same on the embedded HSQLDB file and on PostgreSQL.
 */
public class DatabaseSchema implements InitializingBean {

    private final DataSource dataSource;

    public DatabaseSchema(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterPropertiesSet() throws SQLException {
        String platform;
        boolean batchTablesExist;
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            platform = platform(meta.getDatabaseProductName());
            batchTablesExist = tableExists(meta, "BATCH_JOB_INSTANCE") || tableExists(meta, "batch_job_instance");
        }
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator();
        if (!batchTablesExist) {
            populator.addScript(new ClassPathResource("org/springframework/batch/core/schema-" + platform + ".sql"));
        }
        populator.addScript(new ClassPathResource("db/schema.sql"));
        populator.execute(dataSource);
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

    private static boolean tableExists(DatabaseMetaData meta, String table) throws SQLException {
        try (ResultSet rs = meta.getTables(null, null, table, new String[] {"TABLE"})) {
            return rs.next();
        }
    }
}
