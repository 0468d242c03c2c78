package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.wabilling.invoicing.tax.TaxReference;
import com.wabilling.plans.PlanFiles;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.prepaid.PrepaidFiles;

/**
 * One job execution, one snapshot of the reference folder: accounts.csv is parsed once and every reader of it
 * (the accounts, the plans' and prepaid columns, the buyers) sees that parse, whatever happens to the file later.
 */
class ReferenceSnapshotTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency,billing,legal_name,"
                + "country_code\n102938475610001,Kwiaciarnia Łódka,Europe/Warsaw,PLN,prepaid,Kwiaciarnia Łódka Sp. z o.o.,PL\n"
                + "102938475610002,Ταβέρνα Ελιά,Europe/Athens,EUR,,Ταβέρνα Ελιά Ο.Ε.,GR\n"
                + "102938475610003,متجر الورد,Asia/Dubai,AED,postpaid,متجر الورد ذ.م.م,AE\n");
        Files.writeString(dir.resolve("markets.csv"), "calling_code,market\n48,Poland\n30,Greece\n971,UAE\n");
    }

    @Test
    void everyReaderOfASnapshotSeesTheFilesAsFirstRead() throws IOException {
        ReferenceFiles snapshot = new ReferenceFiles(dir);
        assertThat(snapshot.accounts()).extracting(BillingAccount::name)
                .containsExactly("Kwiaciarnia Łódka", "Ταβέρνα Ελιά", "متجر الورد");
        assertThat(snapshot.markets().marketOf("302101234567")).isEqualTo("Greece");

        // the folder changes while the job runs: the job goes on with what it read
        Files.delete(dir.resolve("accounts.csv"));
        Files.delete(dir.resolve("markets.csv"));

        assertThat(snapshot.accounts()).hasSize(3);
        assertThat(snapshot.markets().marketOf("971501234567")).isEqualTo("UAE");
        assertThat(new PrepaidFiles(snapshot).terms().isPrepaid("102938475610001")).isTrue();
        assertThat(new PrepaidFiles(snapshot).terms().isPrepaid("102938475610003")).isFalse();
        assertThat(new PlanFiles(snapshot).terms().anyPlan()).isFalse();
        assertThat(new TaxReference(snapshot).buyers().get("102938475610002").legalName()).isEqualTo("Ταβέρνα Ελιά Ο.Ε.");
        // a new snapshot (the next job execution, or a resumed one) reads the folder again
        assertThatThrownBy(() -> new ReferenceFiles(dir).accounts()).hasMessageContaining("accounts.csv not found");
    }

    @Test
    void aRefusalStandsForItsSnapshotAndTheNextSnapshotReadsTheFixedFile() throws IOException {
        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n"
                + "102938475610001,Kwiaciarnia Łódka,UTC+01:00,PLN\n");
        ReferenceFiles snapshot = new ReferenceFiles(dir);
        assertThatThrownBy(snapshot::accounts).hasMessageContaining("accounts.csv record 1 (line 2)")
                .hasMessageContaining("not a fixed offset");

        Files.writeString(dir.resolve("accounts.csv"), "waba_id,account_name,timezone,currency\n"
                + "102938475610001,Kwiaciarnia Łódka,Europe/Warsaw,PLN\n");

        // this execution keeps what it parsed, so it refuses again; the resumed run's snapshot reads the fix
        assertThatThrownBy(snapshot::accounts).hasMessageContaining("not a fixed offset");
        assertThat(new ReferenceFiles(dir).accounts()).hasSize(1);
    }

    @Test
    void aRequiredColumnIsCheckedForEachReaderOfTheSameParse() {
        ReferenceFiles snapshot = new ReferenceFiles(dir);
        snapshot.accounts();

        assertThatThrownBy(() -> snapshot.read("accounts.csv", java.util.List.of("waba_id", "plan_currency"),
                (java.util.Map<String, String> r) -> { })).hasMessageContaining("plan_currency");
    }
}
