package com.wabilling.invoicing;

/** Invoice numbers: one sequence that never resets, shown as WA-000001. */
public final class InvoiceNumbers {

    private InvoiceNumbers() {
    }

    public static String format(long number) {
        return String.format("WA-%06d", number);
    }
}
