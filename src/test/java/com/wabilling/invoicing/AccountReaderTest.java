package com.wabilling.invoicing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.pricing.BillingAccount;

class AccountReaderTest {

    @Test
    void anAccountAddedBeforeTheRestartPositionIsStillInvoiced() {
        // given a run that handed out 200 and 300, then failed
        ExecutionContext context = new ExecutionContext();
        AccountReader first = new AccountReader(List.of(account("200"), account("300"), account("400")));
        first.open(context);
        first.read();
        first.read();
        first.update(context);

        // when accounts.csv gained 100 (sorting first) and the run resumes
        AccountReader resumed = new AccountReader(List.of(account("100"), account("200"), account("300"),
                account("400")));
        resumed.open(context);
        List<String> read = new ArrayList<>();
        for (BillingAccount a = resumed.read(); a != null; a = resumed.read()) {
            read.add(a.wabaId());
        }

        // then the new account and the one not yet done, each once
        assertThat(read).containsExactly("100", "400");
    }

    private static BillingAccount account(String waba) {
        return new BillingAccount(waba, "A" + waba, ZoneId.of("UTC"), Currency.getInstance("USD"), BigDecimal.TEN);
    }
}
