package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class RunSettingsTest {

    @Test
    void everyJobNamesItsDatabaseWithoutTheUrlOptions() {
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url",
                "jdbc:postgresql://db:5432/bills?user=x&password=secret");

        assertThat(RunSettings.describe(env, "import-messages"))
                .containsExactly("database: jdbc:postgresql://db:5432/bills");
        assertThat(RunSettings.withoutOptions("jdbc:hsqldb:file:data/db;hsqldb.tx=mvcc;shutdown=true"))
                .isEqualTo("jdbc:hsqldb:file:data/db");
    }

    @Test
    void pricingJobsNameTheirReferenceFilesAndSayWhenTheyAreTheSampleOnes() {
        Assumptions.assumeTrue(System.getenv("WA_BILLING_REFERENCE_DIR") == null
                && System.getProperty("wa-billing.reference-dir") == null);
        MockEnvironment env = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:hsqldb:file:d/db")
                .withProperty("wa-billing.reference-dir", "sample-data");

        assertThat(RunSettings.describe(env, "invoice")).hasSize(2).last().asString()
                .startsWith("reference files: " + Path.of("sample-data").toAbsolutePath())
                .contains("SAMPLE reference files");
        assertThat(RunSettings.describe(env, "reconstruct")).hasSize(2);
    }
}
