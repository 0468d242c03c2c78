package com.wabilling.conversations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.commons.codec.digest.DigestUtils;

import com.wabilling.pricing.ConversationCategory;

/** Deterministic conversation ids (docs/billing-rules.md 3.4), so reruns and restarts produce the same ids. */
public final class ConversationIds {

    private ConversationIds() {
    }

    /** First 32 lowercase hex digits of SHA-256 over waba_id|phone_number_id|customer_wa_id|CATEGORY|opened_at ms. */
    public static String of(Scope scope, ConversationCategory category, Instant openedAt) {
        String key = scope.wabaId() + '|' + scope.phoneNumberId() + '|' + scope.customerWaId() + '|' + category.name()
                + '|' + openedAt.toEpochMilli();
        return DigestUtils.sha256Hex(key.getBytes(StandardCharsets.UTF_8)).substring(0, 32);
    }
}
