package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/** The migration set that db.schema-version records (docs/architecture.md, "Schema and migrations"). */
class MigrationSetTest {

    @Test
    void namesEverySqlAndJavaMigrationSorted() {
        // sorted as text: V10 to V16 before V1__ (a digit before '_')
        assertThat(MigrationSet.identifier()).isEqualTo("""
                V10__credit_note_vat_in_eur.sql
                V11__customer_user_ids.sql
                V12__authentication_international.sql
                V13__priced_message_unsettled.sql
                V14__prepaid_statements.sql
                V15__InvoiceQuantity
                V16__invoice_explanation.sql
                V1__Baseline
                V2__period_rebuild.sql
                V3__imported_files_and_status_changes.sql
                V4__invoice_terms_and_period_basis.sql
                V5__message_counts_and_repeats.sql
                V6__MessagesIntoBlocks
                V7__per_message_pricing.sql
                V8__invoice_documents.sql
                V9__rebuild_start_fingerprint.sql
                """);
    }

    @Test
    void everyJavaMigrationOfTheApplicationIsInTheSet() {
        // a Java migration added later and forgotten here would be applied without a copy made first
        var migrations = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.wabilling").stream()
                .filter(c -> c.isAssignableTo(BaseJavaMigration.class) && !c.getName().equals(
                        BaseJavaMigration.class.getName()))
                .map(JavaClass::getName).sorted().toList();

        assertThat(migrations).isNotEmpty().containsExactlyInAnyOrderElementsOf(
                MigrationSet.JAVA.stream().map(Class::getName).toList());
    }
}
