package com.wabilling.periods;

/**
 * What a conversation belongs to (docs/billing-rules.md 3.1): a business phone number and a customer, or with
 * {@code conversation-scope=waba} the whole WABA and a customer.
 */
public enum ScopeMode {
    PHONE_NUMBER("phone-number"), WABA("waba");

    private final String parameter;

    ScopeMode(String parameter) {
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }

    public static ScopeMode ofParameter(String value) {
        for (ScopeMode mode : values()) {
            if (mode.parameter.equals(value)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("conversation-scope must be phone-number or waba: " + value);
    }
}
