package com.wabilling.messages;

/** Who sent a message; stored as 'I'/'O' so inbound sorts before outbound on ties (docs/billing-rules.md 3.1). */
public enum Direction {
    INBOUND('I'), OUTBOUND('O');

    private final char code;

    Direction(char code) {
        this.code = code;
    }

    public String code() {
        return String.valueOf(code);
    }

    public static Direction ofCode(String code) {
        return code.charAt(0) == 'I' ? INBOUND : OUTBOUND;
    }
}
