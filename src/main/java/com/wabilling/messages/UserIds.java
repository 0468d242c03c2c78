package com.wabilling.messages;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Business-scoped user ids (docs/formats.md, messages CSV, customer_user_id): an ISO 3166-1 alpha-2
 * country code, a dot, an optional {@code ENT.} (the parent-business form), then 1 to 128 letters and
 * digits. A user id is never a phone number: it is kept exactly as written, never reduced to digits
 * and never matched against calling codes.
 */
public final class UserIds {

    /** The longest user id: country, dot, "ENT.", 128 letters and digits. */
    public static final int MAX_LENGTH = 2 + 1 + 4 + 128;

    private static final Pattern USER_ID = Pattern.compile("([A-Za-z]{2})\\.(?:ENT\\.)?[A-Za-z0-9]{1,128}");
    /** What makes a customer_wa_id look like a user id rather than a mistyped number: a country code and a dot. */
    private static final Pattern LOOKS_LIKE = Pattern.compile("[A-Za-z]{2}\\..*");

    private UserIds() {
    }

    public static boolean isValid(String value) {
        return value != null && USER_ID.matcher(value).matches();
    }

    /** A value of customer_wa_id that is a user id in the wrong column (rejected as user_id_in_wa_id). */
    public static boolean looksLikeUserId(String value) {
        return LOOKS_LIKE.matcher(value.strip()).matches();
    }

    /**
     * Whether a customer key (docs/billing-rules.md 3.6) is a user id: a phone number key is digits only,
     * a user id always has its dot.
     */
    public static boolean isUserIdKey(String customerKey) {
        return customerKey.indexOf('.') >= 0;
    }

    /** The user id's ISO country code, upper case ({@code US} of {@code US.ENT.4d...}). */
    public static String country(String userId) {
        Matcher m = USER_ID.matcher(userId);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a business-scoped user id: '" + userId + "'");
        }
        return m.group(1).toUpperCase(Locale.ROOT);
    }
}
