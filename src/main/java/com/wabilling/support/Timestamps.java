package com.wabilling.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;


/**
 * Timestamps of the input files (docs/formats.md): ISO-8601 instants with Z or an offset, fractions
 * allowed, or Unix epoch seconds or milliseconds. A timestamp without a zone is ambiguous.
 */
public final class Timestamps {

    /** 10^11 seconds is the year 5138; anything with more digits is milliseconds. */
    private static final int MAX_SECONDS_DIGITS = 11;

    private Timestamps() {
    }

    public static Instant parse(String column, String value) {
        if (value.isEmpty()) {
            throw new RejectedRecordException(column + " is empty");
        }
        if (Digits.only(value)) {
            if (value.length() > 16) {
                throw new RejectedRecordException(column + " is not a timestamp: '" + value + "'");
            }
            long number = Long.parseLong(value);
            return value.length() <= MAX_SECONDS_DIGITS ? Instant.ofEpochSecond(number) : Instant.ofEpochMilli(number);
        }
        Instant fast = FastIso.parse(value);
        if (fast != null) {
            return fast;
        }
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?")) {
                throw new RejectedRecordException(column + " has no time zone (add Z or an offset): '" + value + "'");
            }
            throw new RejectedRecordException(column + " is not an ISO-8601 instant or epoch time: '" + value + "'");
        }
    }

    /** Output form (docs/formats.md): ISO-8601 UTC with Z and no fractions. */
    public static String format(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

}
