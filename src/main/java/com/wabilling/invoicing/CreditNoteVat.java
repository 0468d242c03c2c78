package com.wabilling.invoicing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * The VAT of a credit note (docs/billing-rules.md 4.5): not computed at the rate of its own date but taken
 * back as it was billed, the negative of the VAT and gross that the invoice and each of its adjustments
 * recorded when they were finalized, to the cent. One credit note carries one VAT category and rate, so the
 * documents it reverses must share them.
 */
public final class CreditNoteVat {

    private CreditNoteVat() {
    }

    /** The documents a credit note reverses: the invoice it references and that invoice's finalized adjustments. */
    public static List<InvoiceDao.SummaryRow> credited(InvoiceDao.SummaryRow creditNote, List<InvoiceDao.SummaryRow> month) {
        String invoiceId = creditNote.referencesInvoiceId();
        return month.stream().filter(InvoiceDao.SummaryRow::finalized)
                .filter(r -> r.invoiceId().equals(invoiceId)
                        || r.kind().equals("ADJUSTMENT") && invoiceId.equals(r.referencesInvoiceId()))
                .toList();
    }

    /**
     * The negated sum of the recorded VAT; empty while one of them has none recorded yet (no buyer country).
     *
     * @throws IllegalStateException when they were billed at different VAT categories or rates
     */
    public static Optional<InvoiceDao.StoredVat> of(List<InvoiceDao.StoredVat> billed) {
        if (billed.isEmpty() || billed.stream().anyMatch(v -> v == null)) {
            return Optional.empty();
        }
        InvoiceDao.StoredVat first = billed.get(0);
        if (!mixed(billed).isEmpty()) {
            throw new IllegalStateException(mixed(billed));
        }
        BigDecimal amount = billed.stream().map(InvoiceDao.StoredVat::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal gross = billed.stream().map(InvoiceDao.StoredVat::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
        return Optional.of(new InvoiceDao.StoredVat(first.category(), first.ratePercent(), amount.negate(), gross.negate()));
    }

    /** Empty when every recorded VAT has the same category and rate, else what differs. */
    public static String mixed(List<InvoiceDao.StoredVat> billed) {
        List<String> kinds = billed.stream().filter(v -> v != null)
                .map(v -> v.category() + " " + v.ratePercent().stripTrailingZeros().toPlainString() + " %").distinct()
                .toList();
        return kinds.size() <= 1 ? "" : "the invoice and its adjustments were billed at different VAT rates ("
                + String.join(", ", kinds) + "), and one credit note carries one rate";
    }
}
