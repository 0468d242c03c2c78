package com.wabilling.templates.signals;

import java.util.Locale;

/** The sections of a signal file; each feeds one rule of docs/billing-rules.md 2. */
public enum SignalKind {
    PROMOTIONAL, OTP, TRANSACTIONAL;

    public static SignalKind ofSection(String section) {
        return valueOf(section.strip().toUpperCase(Locale.ROOT));
    }
}
