package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.wabilling.pricing.BillingAccount;

/** A WABA with conversations but no billing account is refused unless deliberately left out. */
class UnknownAccountsTest {

    private static final YearMonth JUNE = YearMonth.of(2023, 6);
    private static final List<BillingAccount> ACCOUNTS = List.of(new BillingAccount("1", "Known",
            ZoneId.of("Europe/Amsterdam"), Currency.getInstance("EUR"), BigDecimal.ZERO));
    private static final List<UnknownAccounts.Activity> ACTIVITY = List.of(new UnknownAccounts.Activity("1", 5, 9),
            new UnknownAccounts.Activity("7", 1, 1), new UnknownAccounts.Activity("8", 3, 4));

    @Test
    void theMonthOfAnUnknownZoneIsTheUtcMonthWidenedBy14Hours() {
        // 2023-06-01T00:00Z - 14 h = 2023-05-31T10:00Z (Kiribati, UTC+14); 2023-07-01T00:00Z + 14 h = 2023-07-01T14:00Z
        assertThat(UnknownAccounts.range(JUNE)).isEqualTo(new PeriodCoverage.Range(
                Instant.parse("2023-05-31T10:00:00Z"), Instant.parse("2023-07-01T14:00:00Z")));
    }

    @Test
    void unknownWabasAreListedWithTheCommandsForBothWaysOut() {
        List<String> problems = UnknownAccounts.problems(run(), ACCOUNTS, ACTIVITY, "ref/accounts.csv");

        assertThat(problems).singleElement().asString().contains("2 WABAs have conversations")
                .contains("7: 1 conversation, 1 message\n").contains("8: 3 conversations, 4 messages")
                .doesNotContain("1: 5 conversations")
                .contains("run the same command again: jobs/wa-billing invoice month=2023-06 finalize=true\n")
                .endsWith("leave them out of this run deliberately: jobs/wa-billing invoice month=2023-06"
                        + " finalize=true leave-out=7,8");
    }

    @Test
    void wabasLeftOutAreNoProblemButAKnownAccountIsNeverLeftOut() {
        assertThat(UnknownAccounts.problems(run("8", "7"), ACCOUNTS, ACTIVITY, "accounts.csv")).isEmpty();

        assertThat(UnknownAccounts.problems(run("1", "7", "8"), ACCOUNTS, ACTIVITY, "accounts.csv")).singleElement()
                .asString().contains("leave-out= names 1 (Known), which has a billing account")
                .endsWith("Run: jobs/wa-billing invoice month=2023-06 finalize=true leave-out=7,8");
    }

    private static InvoiceRun run(String... leaveOut) {
        return new InvoiceRun(JUNE, true, new TreeSet<>(List.of(leaveOut)), null);
    }
}
