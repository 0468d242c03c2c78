package com.wabilling.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.wabilling.support.BackEdgeFixture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The dependency direction (docs/architecture.md, "Packages"): support at the bottom, periods and the features
 * above it (pricing, templates and messages, then per-message pricing, then conversations, then invoicing,
 * then the reconciliation with Meta's pricing analytics), the command line and ops on top, the application class above all. No package cycles; the pure domain cores know no Spring and
 * no SQL.
 */
class ArchitectureTest {

    static final JavaClasses PRODUCTION = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.wabilling");

    static final ArchRule LAYERS = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("Application").definedBy("com.wabilling")
            .layer("Ops").definedBy("com.wabilling.ops..")
            .layer("Analytics").definedBy("com.wabilling.analytics..")
            .layer("Invoicing").definedBy("com.wabilling.invoicing..")
            .layer("Plans").definedBy("com.wabilling.plans..")
            .layer("Prepaid").definedBy("com.wabilling.prepaid..")
            .layer("Conversations").definedBy("com.wabilling.conversations..")
            .layer("PerMessage").definedBy("com.wabilling.permessage..")
            .layer("Messages").definedBy("com.wabilling.messages..")
            .layer("Templates").definedBy("com.wabilling.templates..")
            .layer("Pricing").definedBy("com.wabilling.pricing..")
            .layer("Periods").definedBy("com.wabilling.periods..")
            .layer("Support").definedBy("com.wabilling.support..")
            .whereLayer("Application").mayNotBeAccessedByAnyLayer()
            .whereLayer("Ops").mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Analytics").mayOnlyBeAccessedByLayers("Ops", "Application")
            .whereLayer("Invoicing").mayOnlyBeAccessedByLayers("Analytics", "Ops", "Application")
            .whereLayer("Plans").mayOnlyBeAccessedByLayers("Invoicing", "Ops", "Application")
            .whereLayer("Prepaid").mayOnlyBeAccessedByLayers("Invoicing", "Ops", "Application")
            .whereLayer("Conversations").mayOnlyBeAccessedByLayers("Invoicing", "Ops", "Application")
            .whereLayer("PerMessage").mayOnlyBeAccessedByLayers("Conversations", "Invoicing", "Analytics", "Ops",
                    "Application")
            .whereLayer("Messages").mayOnlyBeAccessedByLayers("PerMessage", "Conversations", "Plans", "Prepaid",
                    "Invoicing", "Ops", "Application")
            .whereLayer("Templates").mayOnlyBeAccessedByLayers("Conversations", "Ops", "Application")
            .whereLayer("Pricing").mayOnlyBeAccessedByLayers("PerMessage", "Conversations", "Plans", "Prepaid",
                    "Invoicing", "Analytics", "Ops", "Application")
            .whereLayer("Periods").mayOnlyBeAccessedByLayers("PerMessage", "Conversations", "Invoicing", "Ops",
                    "Application")
            .whereLayer("Support").mayOnlyBeAccessedByLayers("Periods", "Pricing", "Templates", "Messages",
                    "PerMessage", "Plans", "Prepaid", "Conversations", "Invoicing", "Analytics", "Ops", "Application");

    static final ArchRule NO_CYCLES = slices().matching("com.wabilling.(**)").should().beFreeOfCycles();

    @Test
    void layersDependOnlyDownwards() {
        LAYERS.check(PRODUCTION);
    }

    @Test
    void noPackageFormsACycle() {
        NO_CYCLES.check(PRODUCTION);
    }

    @Test
    void thePureDomainCoresKnowNoSpringAndNoSql() {
        noClasses().that().haveSimpleName("TemplateClassifier").or().resideInAPackage("com.wabilling.templates.signals")
                .or().haveSimpleName("ScopeReconstruction").or().haveSimpleName("InvoiceCalculator")
                .or().haveSimpleName("Adjustments").or().haveSimpleName("InvoicePlan")
                .or().haveSimpleName("Regimes").or().haveSimpleName("MessagePricing")
                .or().haveSimpleName("ServiceFreeTier").or().haveSimpleName("VolumeTierRows")
                .or().haveSimpleName("VolumeTierCounter").or().haveSimpleName("Rerating")
                .or().haveSimpleName("PerMessageInvoiceCalculator").or().haveSimpleName("PricingReconciliation")
                .or().haveSimpleName("AuthInternational").or().haveSimpleName("AuthInternationalRows")
                .or().haveSimpleName("PricingAnalyticsJson").or().haveSimpleName("MetaAnalyticsComparison")
                .or().haveSimpleName("CountryTable").or().haveSimpleName("PhoneNumbers")
                .or().haveSimpleName("PlanCharges").or().haveSimpleName("PlanUsage").or().haveSimpleName("PricePlans")
                .or().haveSimpleName("Statement").or().haveSimpleName("PrepaidTerms")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..", "javax.sql..")
                .check(PRODUCTION);
    }

    @Test
    void theRulesFailOnABackEdge() {
        // a support class that reaches up into ops, as a careless change would
        JavaClasses withBackEdge = new ClassFileImporter().importClasses(BackEdgeFixture.class,
                com.wabilling.ops.Executions.class);

        assertThat(LAYERS.evaluate(withBackEdge).hasViolation()).isTrue();
    }
}
