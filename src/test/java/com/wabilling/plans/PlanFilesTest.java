package com.wabilling.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.wabilling.pricing.BillingAccount;

/** docs/formats.md, plans.csv and accounts.csv's plan_id: read like every reference file. */
class PlanFilesTest {

    private static final String HEADER = "effective_from,plan_id,currency,licence_per_phone_number,fee_per_delivered,"
            + "fee_per_inbound,fee_per_failed,minimum_monthly\n";
    private static final BillingAccount ACCOUNT = new BillingAccount("100", "A", ZoneId.of("Europe/Amsterdam"),
            Currency.getInstance("EUR"), BigDecimal.TEN);

    @TempDir
    Path dir;

    private void write(String plans, String accounts) throws IOException {
        if (plans != null) {
            Files.writeString(dir.resolve("plans.csv"), HEADER + plans);
        }
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,plan_id\n" + accounts);
    }

    @Test
    void aPlanThatChangesMidYearIsTheOneOfTheMonthsFirstDay() throws IOException {
        write("2025-01-01,growth,EUR,10,0.002,,,100\n2025-07-01,growth,EUR,12,0.003,0.001,,\n",
                "100,A,Europe/Amsterdam,EUR,growth\n");
        PlanTerms terms = new PlanFiles(dir).terms();

        assertThat(terms.planFor(ACCOUNT, YearMonth.of(2024, 12))).isEmpty();
        assertThat(terms.planFor(ACCOUNT, YearMonth.of(2025, 6))).hasValueSatisfying(p -> {
            assertThat(p.licencePerPhoneNumber()).isEqualByComparingTo("10");
            assertThat(p.feePerInbound()).isEqualByComparingTo("0"); // empty = 0
            assertThat(p.minimumMonthly()).isEqualByComparingTo("100");
        });
        assertThat(terms.planFor(ACCOUNT, YearMonth.of(2025, 7))).hasValueSatisfying(p -> {
            assertThat(p.licencePerPhoneNumber()).isEqualByComparingTo("12");
            assertThat(p.minimumMonthly()).isEqualByComparingTo("0");
        });
    }

    @Test
    void noPlansFileAndNoPlanColumnIsNoPlan() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n100,A,UTC,EUR\n");
        PlanTerms terms = new PlanFiles(dir).terms();

        assertThat(terms.anyPlan()).isFalse();
        assertThat(terms.planFor(ACCOUNT, YearMonth.of(2025, 1))).isEmpty();
    }

    @Test
    void anUnknownPlanIsRefusedNamingTheRow() throws IOException {
        write("2025-01-01,growth,EUR,10,,,,\n", "100,A,Europe/Amsterdam,EUR,growth\n200,B,Europe/Amsterdam,EUR,gold\n");

        assertThatThrownBy(() -> new PlanFiles(dir).terms()).hasMessageContaining("accounts.csv record 2 (line 3)")
                .hasMessageContaining("plan_id gold is not a plan");
    }

    @Test
    void aPlanWithoutTheAccountsCurrencyIsRefused() throws IOException {
        write("2025-01-01,growth,USD,10,,,,\n", "100,A,Europe/Amsterdam,EUR,growth\n");

        assertThatThrownBy(() -> new PlanFiles(dir).terms()).hasMessageContaining("record 1 (line 2)")
                .hasMessageContaining("no row in the account's currency EUR");
    }

    @Test
    void aBadCellIsRefusedNamingFileRowAndColumn() throws IOException {
        write("2025-01-01,growth,EUR,10,,,,\n2025-02-01,growth,EUR,10,-0.01,,,\n", "100,A,Europe/Amsterdam,EUR,\n");

        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("plans.csv record 2 (line 3)")
                .hasMessageContaining("fee_per_delivered must be an amount >= 0");
    }

    @Test
    void valuesOutOfRangeAreRefused() throws IOException {
        write("2025-01-01,growth,EUR,10001,,,,\n", "100,A,Europe/Amsterdam,EUR,\n");
        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("licence_per_phone_number: 10001 is"
                + " above the maximum");
        write("2025-01-01,growth,EUR,,,,,99.999\n", "100,A,Europe/Amsterdam,EUR,\n");
        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("minimum_monthly must be an amount"
                + " >= 0 with up to 2 decimals");
        write("2025-01-01,growth plan,EUR,,,,,\n", "100,A,Europe/Amsterdam,EUR,\n");
        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("plan_id must be");
        write("2025-13-01,growth,EUR,,,,,\n", "100,A,Europe/Amsterdam,EUR,\n");
        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("effective_from is not a date");
    }

    @Test
    void aDuplicateRowIsRefusedNamingBothLines() throws IOException {
        write("2025-01-01,growth,EUR,10,,,,\n2025-01-01,growth,EUR,11,,,,\n", "100,A,Europe/Amsterdam,EUR,\n");

        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("plans.csv record 2 (line 3)")
                .hasMessageContaining("the first is on line 2");
    }

    @Test
    void aMissingColumnIsNamed() throws IOException {
        Files.writeString(dir.resolve("plans.csv"), "effective_from,plan_id,currency\n2025-01-01,g,EUR\n");

        assertThatThrownBy(() -> new PlanFiles(dir).plans()).hasMessageContaining("licence_per_phone_number");
    }
}
