package com.wabilling.support.rejects;

import com.wabilling.support.csv.CsvRow;

/**
 * What a processor makes of one input record: a valid item, or a reject with its reason. Both go
 * to the writer, so rejects are stored in the same transaction as the chunk they came with.
 */
public sealed interface Checked<T> {

    String source();

    record Accepted<T>(T value, CsvRow row) implements Checked<T> {
        @Override
        public String source() {
            return row.source();
        }

        public long record() {
            return row.record();
        }

        /** A reject found only at write time (a conflicting repeat, say). */
        public Reject reject(String reason) {
            return Reject.of(row, reason);
        }
    }

    record Rejected<T>(Reject reject) implements Checked<T> {
        @Override
        public String source() {
            return reject.source();
        }
    }
}
