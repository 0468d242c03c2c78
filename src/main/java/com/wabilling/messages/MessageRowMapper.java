package com.wabilling.messages;

import static com.wabilling.support.csv.Fields.id;
import static com.wabilling.support.csv.Fields.required;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.wabilling.support.Digits;
import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.csv.Fields;

/** Maps and validates a messages CSV record (docs/formats.md); a broken one is rejected with its reason. */
public final class MessageRowMapper {

    public static final List<String> REQUIRED_COLUMNS = List.of("message_id", "waba_id", "phone_number_id",
            "customer_wa_id", "direction", "type", "timestamp");

    /** The sizes of the stored columns (message_repeat; message_id and the ids are checked below). */
    static final List<Fields.Limit> LIMITS = List.of(new Fields.Limit("type", 32),
            new Fields.Limit("template_name", 512), new Fields.Limit("template_language", 16),
            new Fields.Limit("meta_conversation_id", 128), new Fields.Limit("meta_category", 32),
            new Fields.Limit("meta_pricing_category", 64), new Fields.Limit("meta_pricing_type", 64),
            new Fields.Limit("customer_user_id", UserIds.MAX_LENGTH), new Fields.Limit("sent_via", 32));

    /** Columns written out as read: no control character in them. */
    static final List<String> TEXT = List.of("message_id", "type", "template_name", "template_language",
            "meta_conversation_id", "meta_category", "meta_pricing_category", "meta_pricing_type", "customer_user_id",
            "sent_via");

    /**
     * A month before the first pricing regime (2023-06-01): nothing earlier can be billed or change a billed
     * conversation (they last 72 h at most), so an earlier time is a broken clock, such as 0 (docs/formats.md).
     */
    static final Instant EARLIEST = Instant.parse("2023-05-01T00:00:00Z");

    /** The reject reason of a user id written in customer_wa_id (docs/formats.md). */
    public static final String USER_ID_IN_WA_ID = "user_id_in_wa_id";

    private static final Set<String> STATUSES = Set.of("sent", "delivered", "read", "failed");
    private static final Set<String> ENTRY_POINTS = Set.of("ctwa_ad", "page_cta");

    private MessageRowMapper() {
    }

    /** Maps a row with no upper bound on its times (tests of the field rules). */
    public static ExportedMessage map(CsvRow row) {
        return map(row, Instant.MAX);
    }

    /**
     * Maps and validates a row; {@code latest} is the latest believable time (the run's start plus
     * a tolerance for clock skew): a message from the future cannot be true.
     */
    public static ExportedMessage map(CsvRow row, Instant latest) {
        Fields.wellFormed(row);
        Fields.withinLimits(row, LIMITS);
        Fields.noControlCharacters(row, TEXT);
        String messageId = required(row, "message_id");
        if (messageId.length() > 128) {
            throw new RejectedRecordException("message_id longer than 128 characters");
        }
        String wabaId = id(row, "waba_id");
        String phoneNumberId = id(row, "phone_number_id");
        String customer = customerWaId(row);
        String userId = customerUserId(row, customer);
        String sentVia = sentVia(row);
        Direction direction = direction(row);
        String type = required(row, "type").toLowerCase(Locale.ROOT);
        Instant timestamp = notInTheFuture("timestamp", Timestamps.parse("timestamp", row.get("timestamp")), latest);
        if (direction == Direction.INBOUND) {
            String entryPoint = row.get("entry_point").toLowerCase(Locale.ROOT);
            if (!entryPoint.isEmpty() && !ENTRY_POINTS.contains(entryPoint)) {
                throw new RejectedRecordException("entry_point must be ctwa_ad, page_cta or empty: '" + entryPoint + "'");
            }
            return new ExportedMessage(messageId, wabaId, phoneNumberId, customer, direction, type, null, null,
                    timestamp, null, null, entryPoint.isEmpty() ? null : entryPoint, null, null, null, null, userId, null);
        }
        String templateName = null;
        String templateLanguage = null;
        if (type.equals("template")) {
            templateName = required(row, "template_name");
            templateLanguage = required(row, "template_language");
        }
        String status = required(row, "status").toLowerCase(Locale.ROOT);
        if (!STATUSES.contains(status)) {
            throw new RejectedRecordException("status must be sent, delivered, read or failed: '" + status + "'");
        }
        boolean delivered = status.equals("delivered") || status.equals("read");
        String deliveredText = row.get("delivered_at");
        Instant deliveredAt = null;
        if (delivered) {
            deliveredAt = notInTheFuture("delivered_at", Timestamps.parse("delivered_at", deliveredText), latest);
            // docs/formats.md, clock skew: two clocks (BSP milliseconds, Meta whole seconds) may disagree a little
            if (deliveredAt.isBefore(timestamp.minus(MessageImportProcessor.CLOCK_SKEW_TOLERANCE))) {
                throw new RejectedRecordException("delivered_at " + deliveredAt + " is more than 5 minutes before"
                        + " timestamp " + timestamp + ": beyond the clock skew allowed, it cannot have been delivered"
                        + " before it was sent");
            }
        } else if (!deliveredText.isEmpty()) {
            throw new RejectedRecordException("delivered_at given for a message with status " + status);
        }
        return new ExportedMessage(messageId, wabaId, phoneNumberId, customer, direction, type, templateName,
                templateLanguage, timestamp, status, deliveredAt, null, emptyToNull(row.get("meta_conversation_id")),
                emptyToNull(row.get("meta_category").toLowerCase(Locale.ROOT)),
                // docs/per-message-pricing.md 5: kept as Meta wrote them (lower case); unknown values are reported, not refused
                emptyToNull(row.get("meta_pricing_category").toLowerCase(Locale.ROOT)),
                emptyToNull(row.get("meta_pricing_type").toLowerCase(Locale.ROOT)), userId, sentVia);
    }

    /**
     * docs/formats.md, customer_wa_id: a phone number, or empty when the row names the customer by
     * customer_user_id alone; a business-scoped user id here is rejected, never read as a number.
     */
    private static String customerWaId(CsvRow row) {
        String value = row.get("customer_wa_id");
        if (value.isEmpty()) {
            return null;
        }
        if (UserIds.looksLikeUserId(value)) {
            throw new RejectedRecordException(USER_ID_IN_WA_ID + ": customer_wa_id '" + value + "' is a business-scoped"
                    + " user id, not a phone number; an export writes it in customer_user_id");
        }
        return phoneNumber(row, "customer_wa_id");
    }

    /** docs/formats.md, customer_user_id: kept exactly as written (never reduced to digits). */
    private static String customerUserId(CsvRow row, String customerWaId) {
        String value = row.get("customer_user_id");
        if (value.isEmpty()) {
            if (customerWaId == null) {
                throw new RejectedRecordException("no customer: a row needs customer_wa_id or customer_user_id"
                        + " (or both), this one has neither");
            }
            return null;
        }
        if (!UserIds.isValid(value)) {
            throw new RejectedRecordException("customer_user_id is not a business-scoped user id (an ISO country code,"
                    + " a dot, an optional ENT., then 1 to 128 letters and digits): '" + value + "'");
        }
        return value;
    }

    /** docs/formats.md, sent_via: cloud_api (or empty) is the default and stored as null. */
    private static String sentVia(CsvRow row) {
        String value = row.get("sent_via").toLowerCase(Locale.ROOT);
        if (value.isEmpty() || value.equals("cloud_api")) {
            return null;
        }
        if (!value.equals(ExportedMessage.MARKETING_MESSAGES_API)) {
            throw new RejectedRecordException("sent_via must be cloud_api, marketing_messages_api or empty: '"
                    + row.get("sent_via") + "'");
        }
        return value;
    }

    private static Instant notInTheFuture(String column, Instant value, Instant latest) {
        if (value.isBefore(EARLIEST)) {
            throw new RejectedRecordException(column + " " + value + " is before " + EARLIEST + ", a month before the"
                    + " first pricing regime (2023-06-01): nothing that early can be billed (a clock that was not set?)");
        }
        if (value.isAfter(latest)) {
            throw new RejectedRecordException(column + " " + value + " is in the future of this run (later than "
                    + latest + ", the run's start plus the tolerance for clock skew)");
        }
        return value;
    }

    private static Direction direction(CsvRow row) {
        return switch (required(row, "direction").toLowerCase(Locale.ROOT)) {
            case "inbound" -> Direction.INBOUND;
            case "outbound" -> Direction.OUTBOUND;
            default -> throw new RejectedRecordException(
                    "direction must be inbound or outbound: '" + row.get("direction") + "'");
        };
    }

    /** E.164 digits, 8 to 15 of them; a leading '+' is dropped. */
    static String phoneNumber(CsvRow row, String column) {
        String value = required(row, column);
        String digits = value.startsWith("+") ? value.substring(1) : value;
        if (!Digits.only(digits) || digits.length() < 8 || digits.length() > 15) {
            throw new RejectedRecordException(column + " is not an E.164 number (8 to 15 digits): '" + value + "'");
        }
        return digits;
    }


    private static String emptyToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
