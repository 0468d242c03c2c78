package com.wabilling.support.rejects;

import com.wabilling.support.csv.CsvRow;

/** A record that broke the rules of docs/formats.md, kept with its reason (rejected, never dropped). */
public record Reject(String source, long record, String reason, String raw) {

    public static Reject of(CsvRow row, String reason) {
        return new Reject(row.source(), row.record(), reason, row.raw());
    }
}
