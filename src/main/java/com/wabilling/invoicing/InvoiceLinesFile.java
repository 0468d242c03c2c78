package com.wabilling.invoicing;

import java.nio.file.Path;
import java.util.Currency;
import java.util.List;

import com.wabilling.support.csv.CsvOutput;

/**
 * {@code <invoice_id>.csv} (docs/formats.md): an invoice's lines, sorted; under a per-message regime the
 * quantity is {@code messages} and the band follows the market. A what-if's lines look the same.
 */
final class InvoiceLinesFile {

    private static final String[] CONVERSATION_HEADER = {"category", "market", "unit_price", "conversations", "free",
        "billable", "amount"};
    private static final String[] MESSAGE_HEADER = {"category", "market", "band", "unit_price", "messages", "free",
        "billable", "amount"};

    private InvoiceLinesFile() {
    }

    static void write(Path file, List<InvoiceLine> lines, Currency currency, boolean perMessage) {
        int digits = currency.getDefaultFractionDigits();
        CsvOutput.write(file, perMessage ? MESSAGE_HEADER : CONVERSATION_HEADER,
                out -> lines.stream().sorted(InvoiceLine.ORDER).forEach(l -> {
                    List<String> row = new java.util.ArrayList<>(List.of(l.category(), CsvOutput.text(l.market())));
                    if (perMessage) {
                        row.add(l.band());
                    }
                    row.addAll(List.of(Money.displayPrice(l.unitPrice(), digits).toPlainString(),
                            Long.toString(l.quantity()), Long.toString(l.free()), Long.toString(l.billable()),
                            l.amount().setScale(digits).toPlainString()));
                    out.row(row.toArray(String[]::new));
                }));
    }
}
