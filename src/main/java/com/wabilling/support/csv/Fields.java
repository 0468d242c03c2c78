package com.wabilling.support.csv;

import java.util.List;

import com.wabilling.support.Digits;
import com.wabilling.support.RejectedRecordException;

/** Field checks shared by the row mappers; each failure is a reject with its reason (docs/formats.md). */
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

    /** The most characters a column's value may have, where the database column has a size. */
    public record Limit(String column, int max) {
    }

    /**
     * Rejects a record with a value longer than its column stores (docs/formats.md, limits): the record
     * is rejected with its reason instead of failing the whole import at the database.
     */
    public static void withinLimits(CsvRow row, List<Limit> limits) {
        for (Limit limit : limits) {
            int length = row.getExact(limit.column()).length();
            if (length > limit.max()) {
                throw new RejectedRecordException(limit.column() + " is " + length + " characters long, at most "
                        + limit.max() + " are stored");
            }
        }
    }

    /**
     * Rejects a record whose ids or names hold a control character (NUL, a tab, ...) inside them (blanks
     * around a value are stripped as usual): they are written to every report and document as read,
     * where such a character breaks the file or hides a value.
     */
    public static void noControlCharacters(CsvRow row, List<String> columns) {
        for (String column : columns) {
            String value = row.get(column);
            int at = -1;
            for (int i = 0; i < value.length() && at < 0; i++) {
                at = Character.isISOControl(value.charAt(i)) ? i : -1;
            }
            if (at >= 0) {
                throw new RejectedRecordException(column + " holds the control character U+"
                        + String.format("%04X", (int) value.charAt(at)) + " at position " + (at + 1));
            }
        }
    }

    public static String required(CsvRow row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new RejectedRecordException(column + " is empty");
        }
        return value;
    }

    /** Ids are digits (docs/formats.md), at most 32 of them. */
    public static String id(CsvRow row, String column) {
        String value = required(row, column);
        if (value.length() > 32 || !Digits.only(value)) {
            throw new RejectedRecordException(column + " must be digits: '" + value + "'");
        }
        return value;
    }

}
