package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.wabilling.permessage.BillableMessage;
import com.wabilling.pricing.AuthInternational;
import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.MessagePrice;
import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.RateCard;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Rerating;
import com.wabilling.pricing.ServiceFreeTier;
import com.wabilling.pricing.VolumeBand;
import com.wabilling.pricing.VolumeTierCounter;
import com.wabilling.pricing.VolumeTiers;

/**
 * Prices one account's month under a per-message regime (docs/per-message-pricing.md 3-4). Feed it, by delivery
 * time then message_id, the account's pricing records of the month and the UTILITY and AUTHENTICATION
 * records of the other WABAs of its portfolio: those only move the volume tier counter, whose buckets
 * are (portfolio, market, category, account-local month). Lines: one per (category, market, band, unit
 * price); free messages at their category's list rate with no band, REFERRAL_CONVERSION at 0.
 * With a {@code whatIf} regime every record is priced again under it ({@link Rerating}). An AUTHENTICATION
 * record of an eligible portfolio and market is billed as AUTHENTICATION_INTERNATIONAL here, when invoicing
 * (docs/per-message-pricing.md 4, "Authentication-international"): its own bucket, rate and line.
 */
public final class PerMessageInvoiceCalculator {

    /** A message as billed: its line's band and unit price, and its charge (unrounded; 0 when free). */
    public record Priced(BillableMessage message, PricingType type, String band, BigDecimal unitPrice) {
        public BigDecimal charge() {
            return type.charged() ? unitPrice : BigDecimal.ZERO;
        }
    }

    private final BillingAccount account;
    private final Map<String, BillingAccount> portfolio;
    private final RateCard rates;
    private final YearMonth month;
    private final VolumeTierCounter counter;
    private final Regime whatIf;
    private final ServiceFreeTier serviceTier;
    private final AuthInternational international;
    private final Map<InvoiceLine.Key, long[]> counts = new LinkedHashMap<>();

    /**
     * @param portfolio every account of the account's portfolio, itself included, by waba_id (a record of
     *        a WABA outside it is ignored)
     * @param whatIf the regime to price under instead of the records' own, or null
     */
    public PerMessageInvoiceCalculator(BillingAccount account, Map<String, BillingAccount> portfolio, RateCard rates,
            VolumeTiers tiers, YearMonth month, Regime whatIf) {
        this(account, portfolio, rates, tiers, AuthInternational.NONE, month, whatIf);
    }

    /** @param international the eligible portfolios and markets of auth-international.csv */
    public PerMessageInvoiceCalculator(BillingAccount account, Map<String, BillingAccount> portfolio, RateCard rates,
            VolumeTiers tiers, AuthInternational international, YearMonth month, Regime whatIf) {
        this.international = java.util.Objects.requireNonNull(international);
        this.account = account;
        this.portfolio = Map.copyOf(portfolio);
        this.rates = rates;
        this.month = month;
        this.counter = new VolumeTierCounter(tiers);
        this.whatIf = whatIf;
        this.serviceTier = whatIf == null || whatIf.everyServiceMessageFree() ? null : ServiceFreeTier.of(whatIf);
    }

    /** Counts the message; returns how it is billed when it is on this account's invoice, else empty. */
    public Optional<Priced> accept(BillableMessage record) {
        BillingAccount owner = portfolio.get(record.wabaId());
        if (owner == null) {
            return Optional.empty();
        }
        BillableMessage m = record.billedAs(international.billedAs(owner.portfolioId(), record.market(),
                record.deliveredAt(), record.category()));
        LocalDate local = LocalDate.ofInstant(m.deliveredAt(), owner.zone());
        if (!YearMonth.from(local).equals(month)) {
            return Optional.empty(); // another WABA's message outside its own local month
        }
        boolean own = owner.wabaId().equals(account.wabaId());
        PricingType type = m.type();
        if (whatIf != null) {
            MessagePrice price = Rerating.reprice(whatIf, record.category(), m.type(), m.insideServiceWindow());
            if (own && serviceTier != null) {
                price = serviceTier.settle(price, m.phoneNumberId(), m.deliveredAt(), owner.zone());
            }
            type = price.type();
        }
        VolumeTierCounter.Assignment band = counter.assign(owner.portfolioId(), m.market(),
                owner.currency().getCurrencyCode(), m.category(), type, local);
        if (!own) {
            return Optional.empty();
        }
        BigDecimal unitPrice = listRate(m, local);
        String label = "";
        if (type.charged() && band.band().isPresent()) {
            VolumeBand b = band.band().get();
            unitPrice = b.rate();
            label = b.label();
        }
        unitPrice = Money.displayPrice(unitPrice, account.currency().getDefaultFractionDigits());
        long[] line = counts.computeIfAbsent(new InvoiceLine.Key(m.category().name(), m.market(), label, unitPrice),
                k -> new long[2]);
        line[0]++;
        if (!type.charged()) {
            line[1]++;
        }
        return Optional.of(new Priced(m, type, label, unitPrice));
    }

    /** docs/per-message-pricing.md 4: the category's list rate; SERVICE at utility's, REFERRAL_CONVERSION at 0. */
    private BigDecimal listRate(BillableMessage m, LocalDate local) {
        if (m.category() == PricingCategory.REFERRAL_CONVERSION) {
            return BigDecimal.ZERO;
        }
        String currency = account.currency().getCurrencyCode();
        var column = m.category().rateColumn().orElseThrow();
        return rates.rate(m.market(), column, currency, local).orElseThrow(() -> new MissingRatesException(
                List.of(new MissingRatesException.MissingRate(m.market(), column, currency, local))));
    }

    public ComputedInvoice result() {
        return InvoiceCalculator.result(counts, account);
    }
}
