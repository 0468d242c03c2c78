package com.wabilling.conversations;

/** Something the platform should not have allowed, or the catalogue could not explain (anomalies CSV). */
public record Anomaly(String messageId, String kind, String detail) {

    public static final String UNKNOWN_TEMPLATE = "unknown_template";
    public static final String OUTSIDE_SERVICE_WINDOW = "outside_service_window";
}
