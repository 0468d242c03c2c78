package com.wabilling.support.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Comparator;

import javax.sql.DataSource;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/** The domain tables at the latest schema version, without Spring: the baseline, then every SQL migration. */
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
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Resource migration) {
        String name = migration.getFilename();
        return Integer.parseInt(name.substring(1, name.indexOf("__")));
    }
}
