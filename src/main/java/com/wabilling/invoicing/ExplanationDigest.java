package com.wabilling.invoicing;

/**
 * What a per-message invoice's explanation held when it was staged with the invoice: the SHA-256 of the file's
 * bytes (hex) and its rows, recorded in the invoice row (docs/billing-rules.md 4.4, "An explanation is priced once").
 */
public record ExplanationDigest(String sha256, long rows) {
}
