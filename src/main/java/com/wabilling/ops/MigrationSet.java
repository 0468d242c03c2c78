package com.wabilling.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import com.wabilling.invoicing.V15__InvoiceQuantity;
import com.wabilling.messages.V6__MessagesIntoBlocks;
import com.wabilling.support.jdbc.V1__Baseline;

/**
 * The schema migrations this jar carries, named in one text: an embedded database whose
 * {@code db.schema-version} holds another text is about to be migrated (docs/architecture.md, "Schema and migrations"). Migrations are never edited once applied, so their names say which they are.
 */
final class MigrationSet {

    /** Every Java migration (Flyway gets them as beans of WaBillingConfiguration); a test finds any missing here. */
    static final List<Class<? extends BaseJavaMigration>> JAVA = List.of(V1__Baseline.class,
            V6__MessagesIntoBlocks.class, V15__InvoiceQuantity.class);

    private static final String SQL = "classpath:db/migration/V*.sql";

    private MigrationSet() {
    }

    /** The sorted names of the SQL migrations and the Java migrations, one a line. */
    static String identifier() {
        List<String> names = new ArrayList<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(MigrationSet.class.getClassLoader())
                    .getResources(SQL)) {
                names.add(resource.getFilename());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the schema migrations " + SQL, e);
        }
        JAVA.forEach(migration -> names.add(migration.getSimpleName()));
        return String.join("\n", names.stream().sorted().toList()) + "\n";
    }
}
