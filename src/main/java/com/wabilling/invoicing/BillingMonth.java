package com.wabilling.invoicing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;

import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;

/**
 * The regime an account's month is billed under (docs/per-message-pricing.md 4): the one in force on its first
 * local day. Every switch so far is at 00:00 of a month's first day, so a month is one regime; a
 * month before the first regime is refused naming the earliest date.
 */
public final class BillingMonth {

    private BillingMonth() {
    }

    static Regime regime(YearMonth month) {
        return Regimes.META.at(month.atDay(1));
    }

    /** Whether a stored invoice's lines count messages: by the local start of the month it bills. */
    public static boolean perMessage(InvoiceDao.SummaryRow invoice) {
        if (invoice.periodStart() == null || invoice.timeZone() == null) {
            return false; // written before schema version 4: conversation months only
        }
        LocalDate start = LocalDate.ofInstant(invoice.periodStart(), ZoneId.of(invoice.timeZone()));
        return !start.isBefore(Regimes.META.earliest()) && Regimes.META.at(start).perMessage();
    }
}
