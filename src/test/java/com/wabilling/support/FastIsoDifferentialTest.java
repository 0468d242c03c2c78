package com.wabilling.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;


/**
 * FastIso is a shortcut in front of java.time: it may decline anything (null), but whatever it
 * accepts must be exactly what {@code OffsetDateTime.parse(ISO_OFFSET_DATE_TIME)} gives, and it must
 * never accept what java.time rejects. The oracle here is java.time itself, not FastIso.
 */
class FastIsoDifferentialTest {

    private static final int CASES = 60_000;

    @ParameterizedTest
    @ValueSource(strings = {"2023-06-01T10:00:00+18:30", "2023-06-01T10:00:00-18:01", "2023-06-01T10:00:00+19:00",
        "2023-06-01T10:00:00-23:59", "2023-06-01T10:00:00.5+18:01"})
    void rejectsOffsetsBeyondEighteenHours(String value) {
        assertThat(FastIso.parse(value)).isNull();
        assertThatThrownBy(() -> Timestamps.parse("timestamp", value)).isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void acceptsTheEighteenHourLimitsThemselves() {
        // 10:00 at +18:00 is 16:00 UTC the day before; 10:00 at -18:00 is 04:00 UTC the next day
        assertThat(FastIso.parse("2023-06-01T10:00:00+18:00")).isEqualTo(Instant.parse("2023-05-31T16:00:00Z"));
        assertThat(FastIso.parse("2023-06-01T10:00:00-18:00")).isEqualTo(Instant.parse("2023-06-02T04:00:00Z"));
    }

    @Test
    void rejectsNonAsciiDigitsInTheFraction() {
        // U+0663 ARABIC-INDIC DIGIT THREE is a Character.isDigit digit, but not an ISO-8601 one
        String value = "2023-06-01T10:00:00.\u0663Z";
        assertThat(FastIso.parse(value)).isNull();
        assertThatThrownBy(() -> Timestamps.parse("timestamp", value)).isInstanceOf(RejectedRecordException.class);
    }

    @Test
    void agreesWithJavaTimeOnRandomValidAndNearValidInputs() {
        Random random = new Random(20230601L);
        int fastAccepted = 0;
        int javaRejected = 0;
        List<String> disagreements = new ArrayList<>();
        for (int k = 0; k < CASES; k++) {
            String input = generate(random);
            Instant expected = javaTime(input);
            Instant fast = FastIso.parse(input);
            if (expected == null) {
                javaRejected++;
            }
            if (fast != null) {
                fastAccepted++;
                if (!fast.equals(expected) && disagreements.size() < 20) {
                    disagreements.add(input + " -> FastIso " + fast + ", java.time " + expected);
                }
            }
            // the public parse must agree with java.time whichever path it takes
            Instant viaTimestamps = timestamps(input);
            if (!java.util.Objects.equals(viaTimestamps, expected) && disagreements.size() < 20) {
                disagreements.add(input + " -> Timestamps " + viaTimestamps + ", java.time " + expected);
            }
        }
        if (!disagreements.isEmpty()) {
            fail("FastIso or Timestamps disagree with java.time:\n" + String.join("\n", disagreements));
        }
        // the generator must exercise both sides, or the comparison above proves nothing
        assertThat(fastAccepted).isGreaterThan(CASES / 10);
        assertThat(javaRejected).isGreaterThan(CASES / 5);
    }

    private static Instant javaTime(String input) {
        try {
            return OffsetDateTime.parse(input, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static Instant timestamps(String input) {
        try {
            return Timestamps.parse("t", input);
        } catch (RejectedRecordException e) {
            return null;
        }
    }

    /** A timestamp built from parts near their limits, then sometimes damaged by one mutation. */
    private static String generate(Random r) {
        int year = pick(r, new int[] {0, 1, 1900, 1970, 2000, 2023, 2024, 2100, 9999});
        int month = r.nextInt(10) == 0 ? pick(r, new int[] {0, 13, 99}) : 1 + r.nextInt(12);
        // day 28..31 often, so leap days and month ends are hit; 0 and 32 sometimes
        int day = r.nextInt(3) == 0 ? 1 + r.nextInt(31) : pick(r, new int[] {28, 29, 30, 31, 0, 32});
        int hour = r.nextInt(8) == 0 ? pick(r, new int[] {23, 24, 25, 99}) : r.nextInt(24);
        int minute = r.nextInt(10) == 0 ? pick(r, new int[] {59, 60, 99}) : r.nextInt(60);
        int second = r.nextInt(10) == 0 ? pick(r, new int[] {59, 60, 61}) : r.nextInt(60);
        StringBuilder s = new StringBuilder();
        s.append(pad(year, 4)).append('-').append(pad(month, 2)).append('-').append(pad(day, 2)).append('T')
                .append(pad(hour, 2)).append(':').append(pad(minute, 2)).append(':').append(pad(second, 2));
        int fractionDigits = r.nextInt(12) - 1; // -1: no '.', 0: a bare '.', up to 10 digits
        if (fractionDigits >= 0) {
            s.append('.');
            for (int i = 0; i < fractionDigits; i++) {
                s.append((char) ('0' + r.nextInt(10)));
            }
        }
        s.append(offset(r));
        return mutate(r, s.toString());
    }

    private static String offset(Random r) {
        switch (r.nextInt(6)) {
            case 0:
                return "Z";
            case 1:
                return r.nextInt(2) == 0 ? "z" : "";
            default:
                // hours around the +-18 limit, minutes around 0 and 59
                int hours = r.nextInt(3) == 0 ? 16 + r.nextInt(5) : r.nextInt(24);
                int minutes = r.nextInt(3) == 0 ? pick(r, new int[] {0, 1, 30, 59, 60}) : r.nextInt(60);
                String sign = r.nextInt(2) == 0 ? "+" : "-";
                String tail = r.nextInt(15) == 0 ? ":" + pad(r.nextInt(61), 2) : "";
                String separator = r.nextInt(15) == 0 ? "" : ":";
                return sign + pad(hours, 2) + separator + pad(minutes, 2) + tail;
        }
    }

    private static String mutate(Random r, String s) {
        if (r.nextInt(3) != 0) {
            return s;
        }
        int at = r.nextInt(s.length());
        char[] replacements = {' ', '/', '-', ':', 't', 'T', '.', ',', 'x', '0', '9', '\u0663', '+'};
        switch (r.nextInt(4)) {
            case 0: // replace one character (a wrong separator, a letter, a non-ASCII digit)
                return s.substring(0, at) + replacements[r.nextInt(replacements.length)] + s.substring(at + 1);
            case 1: // drop one character
                return s.substring(0, at) + s.substring(at + 1);
            case 2: // insert one character
                return s.substring(0, at) + replacements[r.nextInt(replacements.length)] + s.substring(at);
            default: // trailing garbage or whitespace
                return s + (r.nextInt(2) == 0 ? " " : "Z");
        }
    }

    private static int pick(Random r, int[] values) {
        return values[r.nextInt(values.length)];
    }

    private static String pad(int value, int width) {
        String text = Integer.toString(value);
        return "0".repeat(Math.max(0, width - text.length())) + text;
    }
}
