package com.wabilling.support;

/** ASCII digits only (ids, epoch values): Character.isDigit would also take other scripts' digits. */
public final class Digits {

    private Digits() {
    }

    /** True for a non-empty string of 0-9. */
    public static boolean only(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
