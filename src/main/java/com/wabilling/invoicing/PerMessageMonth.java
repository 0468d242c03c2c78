package com.wabilling.invoicing;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.AuthInternational;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.VolumeTiers;

/**
 * Prices an account's per-message month from its pricing records (docs/per-message-pricing.md 3-4), with the
 * other WABAs of its portfolio feeding the volume tiers: for the invoice, its messages file and a what-if.
 */
public class PerMessageMonth {

    private final PricedMessageDao records;
    private final Map<String, List<BillingAccount>> portfolios;
    private final RateCard rates;
    private final VolumeTiers tiers;
    private final AuthInternational international;

    public PerMessageMonth(PricedMessageDao records, List<BillingAccount> accounts, RateCard rates, VolumeTiers tiers) {
        this(records, accounts, rates, tiers, AuthInternational.NONE);
    }

    /** @param international auth-international.csv (docs/per-message-pricing.md 4, "Authentication-international") */
    public PerMessageMonth(PricedMessageDao records, List<BillingAccount> accounts, RateCard rates, VolumeTiers tiers,
            AuthInternational international) {
        this.international = international;
        this.records = records;
        this.portfolios = accounts.stream().collect(Collectors.groupingBy(BillingAccount::portfolioId));
        this.rates = rates;
        this.tiers = tiers;
    }

    /** @param whatIf another regime to price under, or null; {@code each} sees every message on the invoice */
    public ComputedInvoice compute(BillingAccount account, YearMonth month, Regime whatIf,
            Consumer<PerMessageInvoiceCalculator.Priced> each) {
        List<BillingAccount> portfolio = portfolios.getOrDefault(account.portfolioId(), List.of(account));
        Map<String, BillingAccount> byWaba = portfolio.stream()
                .collect(Collectors.toMap(BillingAccount::wabaId, Function.identity()));
        byWaba.put(account.wabaId(), account);
        PerMessageInvoiceCalculator calculator = new PerMessageInvoiceCalculator(account, byWaba, rates, tiers,
                international, month, whatIf);
        records.forEachPricedMessage(account, portfolio, month, m -> calculator.accept(m).ifPresent(each));
        return calculator.result();
    }
}
