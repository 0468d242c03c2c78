package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.RateCard;

/**
 * Prices one account's month (docs/billing-rules.md 4). Feed it the month's conversations ordered by opened_at
 * then conversation_id (that order decides which SERVICE conversations the free tier covers); it
 * keeps only the lines, so any number of conversations fits in memory.
 */
public final class InvoiceCalculator {

    /** docs/billing-rules.md 4.3: the free tier of 1,000 SERVICE conversations per WABA and month... */
    static final LocalDate FREE_TIER_FROM = LocalDate.of(2023, 6, 1);
    static final int FREE_TIER_SIZE = 1000;
    /** ...until every SERVICE conversation became free. */
    static final LocalDate SERVICE_FREE_FROM = LocalDate.of(2024, 11, 1);

    private final BillingAccount account;
    private final RateCard rates;
    private final Map<InvoiceLine.Key, long[]> counts = new LinkedHashMap<>();
    private long serviceConversations;
    private long conversations;

    public InvoiceCalculator(BillingAccount account, RateCard rates) {
        this.account = account;
        this.rates = rates;
    }

    /** Why a conversation costs nothing (docs/billing-rules.md 4.3), as the conversations file says it. */
    public enum FreeReason {
        NONE(""), FREE_ENTRY_POINT("free_entry_point"), FREE_TIER("free_tier"), FREE_SERVICE("free_service");

        private final String label;

        FreeReason(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * A conversation as billed: its line's unit price and, when free, why. Its charge is the unit
     * price unrounded (0 when free); a line's amount is the sum of its charges rounded once (4.4).
     */
    public record Priced(BillableConversation conversation, BigDecimal unitPrice, FreeReason free) {
        public BigDecimal charge() {
            return free == FreeReason.NONE ? unitPrice : BigDecimal.ZERO;
        }
    }

    public Priced accept(BillableConversation c) {
        LocalDate localDate = LocalDate.ofInstant(c.openedAt(), account.zone());
        BigDecimal unitPrice = Money.displayPrice(unitPrice(c, localDate),
                account.currency().getDefaultFractionDigits());
        FreeReason free = freeReason(c, localDate);
        long[] line = counts.computeIfAbsent(new InvoiceLine.Key(c.category(), c.market(), unitPrice),
                k -> new long[2]);
        line[0]++;
        if (free != FreeReason.NONE) {
            line[1]++;
        }
        conversations++;
        return new Priced(c, unitPrice, free);
    }

    private BigDecimal unitPrice(BillableConversation c, LocalDate localDate) {
        if (c.category() == ConversationCategory.FREE_ENTRY_POINT) {
            return BigDecimal.ZERO; // docs/billing-rules.md 4.3: free entry points are free, priced 0 deliberately
        }
        return rates.rate(c.market(), c.category(), account.currency().getCurrencyCode(), localDate)
                .orElseThrow(() -> new MissingRatesException(List.of(new MissingRatesException.MissingRate(
                        c.market(), c.category(), account.currency().getCurrencyCode(), localDate))));
    }

    private FreeReason freeReason(BillableConversation c, LocalDate localDate) {
        if (c.category() == ConversationCategory.FREE_ENTRY_POINT) {
            return FreeReason.FREE_ENTRY_POINT; // free, at unit price 0: counted in free, never in billable
        }
        if (c.category() != ConversationCategory.SERVICE) {
            return FreeReason.NONE;
        }
        if (!localDate.isBefore(SERVICE_FREE_FROM)) {
            return FreeReason.FREE_SERVICE;
        }
        if (localDate.isBefore(FREE_TIER_FROM)) {
            return FreeReason.NONE;
        }
        serviceConversations++;
        return serviceConversations <= FREE_TIER_SIZE ? FreeReason.FREE_TIER : FreeReason.NONE;
    }

    public ComputedInvoice result() {
        return result(counts, account);
    }

    /**
     * The invoice from its lines' counts ({quantity, free} per line): amount = billable × unit price,
     * rounded HALF_UP once per line (docs/billing-rules.md 4.4), lines in docs/formats.md order, then the totals.
     */
    static ComputedInvoice result(Map<InvoiceLine.Key, long[]> counts, BillingAccount account) {
        List<InvoiceLine> lines = new ArrayList<>();
        counts.forEach((key, n) -> {
            long billable = n[0] - n[1];
            lines.add(new InvoiceLine(key.category(), key.market(), key.band(), key.unitPrice(), n[0], n[1], billable,
                    Money.round(key.unitPrice().multiply(BigDecimal.valueOf(billable)), account.currency())));
        });
        lines.sort(InvoiceLine.ORDER);
        return totals(lines, account);
    }

    /**
     * Subtotal = sum of line amounts; markup on Meta's fees (the subtotal of the lines that are no price plan's,
     * docs/billing-rules.md 4.6), rounded once; total = subtotal + markup. Conversations and billable count Meta's
     * lines only.
     */
    static ComputedInvoice totals(List<InvoiceLine> lines, BillingAccount account) {
        BigDecimal subtotal = Money.round(BigDecimal.ZERO, account.currency());
        BigDecimal metaFees = subtotal;
        long quantity = 0;
        long billable = 0;
        for (InvoiceLine line : lines) {
            subtotal = subtotal.add(line.amount());
            if (!line.isPlanLine()) {
                metaFees = metaFees.add(line.amount());
                quantity += line.quantity();
                billable += line.billable();
            }
        }
        BigDecimal markup = Money.markup(metaFees, account.markupPercent(), account.currency());
        return new ComputedInvoice(List.copyOf(lines), quantity, billable, subtotal, markup, subtotal.add(markup));
    }

    /** Convenience for a whole month held in memory (tests, small accounts). */
    public static ComputedInvoice of(BillingAccount account, RateCard rates, List<BillableConversation> ordered) {
        InvoiceCalculator calculator = new InvoiceCalculator(account, rates);
        ordered.forEach(calculator::accept);
        return calculator.result();
    }
}
