package com.wabilling.analytics;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The optional phone-numbers.csv (docs/formats.md): {@code phone_number_id, waba_id, display_phone_number}.
 * It tells which WABA a data point's {@code phone_number} belongs to; without it, or for a number it does
 * not list, a data point counts for the WABA of its response.
 */
public final class PhoneNumbers {

    public static final String FILE = "phone-numbers.csv";
    public static final PhoneNumbers NONE = new PhoneNumbers(Map.of());

    private final Map<String, String> wabaByDisplayNumber;

    public PhoneNumbers(Map<String, String> wabaByDisplayNumber) {
        this.wabaByDisplayNumber = Map.copyOf(wabaByDisplayNumber);
    }

    public boolean isEmpty() {
        return wabaByDisplayNumber.isEmpty();
    }

    /** The WABA of a number as Meta writes it (digits, a leading + or blanks ignored), if the file maps it. */
    public Optional<String> wabaOf(String phoneNumber) {
        if (phoneNumber == null || phoneNumber.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(wabaByDisplayNumber.get(digits(phoneNumber)));
    }

    static String digits(String phoneNumber) {
        return phoneNumber.replaceAll("[\\s+()-]", "");
    }

    /** Checks each row; a display number given for two WABAs is refused. */
    public static final class Builder {
        private final Map<String, String> numbers = new HashMap<>();

        public Builder add(Map<String, String> row) {
            String id = row.getOrDefault("phone_number_id", "");
            String waba = row.getOrDefault("waba_id", "");
            String display = digits(row.getOrDefault("display_phone_number", ""));
            if (!id.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("phone_number_id must be digits: '" + id + "'");
            }
            if (!waba.matches("\\d{1,32}")) {
                throw new IllegalArgumentException("waba_id must be digits: '" + waba + "'");
            }
            if (!display.matches("\\d{8,15}")) {
                throw new IllegalArgumentException("display_phone_number must be a phone number of 8 to 15 digits: '"
                        + row.get("display_phone_number") + "'");
            }
            String previous = numbers.putIfAbsent(display, waba);
            if (previous != null && !previous.equals(waba)) {
                throw new IllegalArgumentException("display_phone_number " + display + " is given for WABAs " + previous
                        + " and " + waba);
            }
            return this;
        }

        public PhoneNumbers build() {
            return new PhoneNumbers(numbers);
        }
    }
}
