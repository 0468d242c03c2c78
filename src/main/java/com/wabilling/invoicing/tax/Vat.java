package com.wabilling.invoicing.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;

/**
 * The VAT of one invoice (docs/invoice-documents.md 2): the category follows the buyer's country, the rate
 * is the seller country's standard rate for S and 0 otherwise, and VAT = net × rate / 100 rounded
 * HALF_UP once to the currency's minor unit; gross = net + VAT. Net is subtotal + markup.
 */
public record Vat(VatCategory category, BigDecimal ratePercent, BigDecimal net, BigDecimal amount, BigDecimal gross) {

    /** Refused: the buyer's case has no rule here (a consumer in another member state, a missing rate). */
    public static final class RefusedException extends RuntimeException {
        public RefusedException(String message) {
            super(message);
        }
    }

    /**
     * @param buyerVatId empty when the buyer gave none
     * @param date the invoice date, which picks the standard rate in force
     */
    public static Vat of(BigDecimal net, Currency currency, String sellerCountry, String buyerCountry,
            String buyerVatId, VatRates rates, LocalDate date) {
        VatCategory category = category(sellerCountry, buyerCountry, buyerVatId);
        BigDecimal rate = BigDecimal.ZERO;
        if (category == VatCategory.S) {
            rate = rates.standardRate(sellerCountry, date).orElseThrow(() -> new RefusedException(
                    "vat-rates.csv has no standard rate for " + sellerCountry + " on " + date));
        }
        BigDecimal amount = net.multiply(rate).divide(BigDecimal.valueOf(100))
                .setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_UP);
        return new Vat(category, rate, net, amount, net.add(amount));
    }

    /** docs/invoice-documents.md 2, the table: place of supply is the buyer's country. */
    public static VatCategory category(String sellerCountry, String buyerCountry, String buyerVatId) {
        if (buyerCountry.equals(sellerCountry)) {
            return VatCategory.S;
        }
        if (!EuMemberStates.contains(buyerCountry)) {
            return VatCategory.O;
        }
        if (buyerVatId == null || buyerVatId.isBlank()) {
            throw new RefusedException("a buyer in " + buyerCountry + " (another EU member state) without a VAT id is a"
                    + " consumer: that supply is taxed at " + buyerCountry + "'s own rate, which this version does not"
                    + " apply; add the buyer's vat_id to accounts.csv if it is a business");
        }
        return VatCategory.AE;
    }
}
