package com.wabilling.conversations;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import com.wabilling.pricing.ConversationCategory;

/** Deterministic conversation ids (domain.md 3.4), so reruns and restarts produce the same ids. */
public final class ConversationIds {

    private ConversationIds() {
    }

    /** First 32 lowercase hex digits of SHA-256 over waba_id|phone_number_id|customer_wa_id|CATEGORY|opened_at ms. */
    public static String of(Scope scope, ConversationCategory category, Instant openedAt) {
        String key = scope.wabaId() + '|' + scope.phoneNumberId() + '|' + scope.customerWaId() + '|' + category.name()
                + '|' + openedAt.toEpochMilli();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
