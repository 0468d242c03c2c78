package com.wabilling.permessage;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.wabilling.pricing.PricingCategory;
import com.wabilling.pricing.PricingType;

/**
 * docs/per-message-pricing.md 5: how one of our pricing records compares with what Meta's status webhook said
 * for the same message. Meta's values are read in its own vocabulary; a value this version does not
 * know is kept and reported as such, never a failure.
 */
public final class PricingReconciliation {

    public static final String AGREEMENT = "agreement";
    public static final String CATEGORY_DISAGREEMENT = "category_disagreement";
    /** Free here and charged by Meta, or the other way round: money is at stake. */
    public static final String TYPE_DISAGREEMENT = "type_disagreement";
    public static final String CATEGORY_AND_TYPE_DISAGREEMENT = "category_and_type_disagreement";
    /** Both free, for different reasons (free_customer_service against free_entry_point): nothing at stake. */
    public static final String FREE_REASON_DISAGREEMENT = "free_reason_disagreement";
    public static final String UNKNOWN_META_VALUE = "unknown_meta_value";
    /** Meta priced a message that a conversation opened before the switch covers here (section 1). */
    public static final String META_ONLY = "meta_only";

    /**
     * Meta's pricing.category values with the category they bill as here: international authentication is
     * AUTHENTICATION_INTERNATIONAL under either spelling (docs/per-message-pricing.md 4, "Authentication-
     * international"), so it agrees only with a record of an eligible portfolio and market; marketing_lite is
     * the Marketing Messages API's MARKETING_LITE (docs/per-message-pricing.md 2).
     */
    private static final Map<String, PricingCategory> META_CATEGORIES = Map.of(
            "utility", PricingCategory.UTILITY,
            "authentication", PricingCategory.AUTHENTICATION,
            "authentication-international", PricingCategory.AUTHENTICATION_INTERNATIONAL,
            "authentication_international", PricingCategory.AUTHENTICATION_INTERNATIONAL,
            "marketing", PricingCategory.MARKETING,
            "marketing_lite", PricingCategory.MARKETING_LITE,
            "service", PricingCategory.SERVICE,
            "referral_conversion", PricingCategory.REFERRAL_CONVERSION);

    private PricingReconciliation() {
    }

    /**
     * The comparison of one record. {@code chargedHere} / {@code chargedByMeta} say who charges when the
     * two disagree on it (empty when Meta's type is missing or unknown).
     */
    public record Comparison(String kind, Optional<Boolean> chargedByMeta, Optional<PricingCategory> metaCategory) {

        public boolean moneyAtStake() {
            return kind.equals(TYPE_DISAGREEMENT) || kind.equals(CATEGORY_AND_TYPE_DISAGREEMENT);
        }
    }

    public static Comparison compare(PricingCategory category, PricingType type, String metaCategory,
            String metaType) {
        Optional<PricingCategory> theirCategory = metaCategory == null ? Optional.empty()
                : Optional.ofNullable(META_CATEGORIES.get(metaCategory.toLowerCase(Locale.ROOT)));
        Optional<PricingType> theirType = metaType == null ? Optional.empty() : metaType(metaType);
        boolean unknown = (metaCategory != null && theirCategory.isEmpty()) || (metaType != null && theirType.isEmpty());
        if (unknown) {
            return new Comparison(UNKNOWN_META_VALUE, theirType.map(PricingType::charged), theirCategory);
        }
        boolean categoryDiffers = theirCategory.isPresent() && theirCategory.get() != category;
        boolean chargeDiffers = theirType.isPresent() && theirType.get().charged() != type.charged();
        boolean reasonDiffers = theirType.isPresent() && theirType.get() != type && !chargeDiffers;
        String kind = categoryDiffers && chargeDiffers ? CATEGORY_AND_TYPE_DISAGREEMENT
                : chargeDiffers ? TYPE_DISAGREEMENT
                : categoryDiffers ? CATEGORY_DISAGREEMENT
                : reasonDiffers ? FREE_REASON_DISAGREEMENT
                : AGREEMENT;
        return new Comparison(kind, theirType.map(PricingType::charged), theirCategory);
    }

    private static Optional<PricingType> metaType(String value) {
        for (PricingType t : PricingType.values()) {
            if (t.metaName().equalsIgnoreCase(value)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /** Meta's two columns as one cell: {@code utility/regular}, a missing one empty. */
    public static String metaPair(String metaCategory, String metaType) {
        return (metaCategory == null ? "" : metaCategory) + "/" + (metaType == null ? "" : metaType);
    }
}
