package com.wabilling.support.csv;

import com.wabilling.support.Digits;
import com.wabilling.support.RejectedRecordException;

/** Field checks shared by the row mappers; each failure is a reject with its reason (formats.md). */
public final class Fields {

    private Fields() {
    }

    /** The row itself, unless it could not be split into the header's columns. */
    public static CsvRow wellFormed(CsvRow row) {
        if (row.isMalformed()) {
            throw new RejectedRecordException(row.malformed());
        }
        return row;
    }

    public static String required(CsvRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RejectedRecordException(column + " is empty");
        }
        return value;
    }

    /** Ids are digits (formats.md), at most 32 of them. */
    public static String id(CsvRow row, String column) {
        String value = required(row, column);
        if (value.length() > 32 || !Digits.only(value)) {
            throw new RejectedRecordException(column + " must be digits: '" + value + "'");
        }
        return value;
    }

}
