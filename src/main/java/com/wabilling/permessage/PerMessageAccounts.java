package com.wabilling.permessage;

import java.time.ZoneId;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.wabilling.messages.MessageDao;
import com.wabilling.periods.Period;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.pricing.Regimes;

/**
 * What reconstruct needs of accounts.csv and rate-card.csv, only for a period a per-message regime may
 * reach: the account zones decide each message's regime (docs/per-message-pricing.md: the switch is at 00:00
 * local time), the rates value reconciliation disagreements. Periods before are rebuilt without them.
 */
public final class PerMessageAccounts {

    private PerMessageAccounts() {
    }

    public static Map<String, ZoneId> zones(Period period, ReferenceFiles files) {
        return accounts(period, files).values().stream()
                .collect(Collectors.toMap(BillingAccount::wabaId, BillingAccount::zone));
    }

    /** The per-message part of reconstruct's report, or null for a period no per-message regime reaches. */
    public static PricingReport pricingReport(Period period, ReferenceFiles files, PricingReport.Findings findings,
            PricedMessageDao priced, MessageDao messages) {
        if (!PricingReport.mayPricePerMessage(period, Regimes.META)) {
            return null;
        }
        return new PricingReport(findings, priced, messages, accounts(period, files), files.rateCard(),
                files.authInternational());
    }

    private static Map<String, BillingAccount> accounts(Period period, ReferenceFiles files) {
        if (!PricingReport.mayPricePerMessage(period, Regimes.META)) {
            return Map.of();
        }
        return files.accounts().stream()
                .collect(Collectors.toMap(BillingAccount::wabaId, Function.identity()));
    }
}
