package com.wabilling.conversations;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import com.wabilling.pricing.ConversationCategory;

class ReconciliationTest {

    @Test
    void oneToOneWhenEachSideMapsToExactlyOneOfTheOther() {
        List<Reconciliation.Finding> findings = Reconciliation.of(List.of(
                coverage("m1", "ours-1", ConversationCategory.UTILITY, "meta-1", "utility"),
                coverage("m2", "ours-1", ConversationCategory.UTILITY, "meta-1", "utility")));

        assertThat(findings).extracting(Reconciliation.Finding::kind).containsExactly(Reconciliation.ONE_TO_ONE);
    }

    @Test
    void splitWhenOneMetaConversationIsSeveralOfOurs() {
        List<Reconciliation.Finding> findings = Reconciliation.of(List.of(
                coverage("m1", "ours-1", ConversationCategory.SERVICE, "meta-1", "service"),
                coverage("m2", "ours-2", ConversationCategory.SERVICE, "meta-1", "service")));

        assertThat(findings).extracting(Reconciliation.Finding::kind).containsExactly(Reconciliation.SPLIT);
        assertThat(findings.get(0).conversationId()).isEqualTo("ours-1;ours-2");
    }

    @Test
    void mergedWhenOneOfOursCoversSeveralMetaConversations() {
        List<Reconciliation.Finding> findings = Reconciliation.of(List.of(
                coverage("m1", "ours-1", ConversationCategory.MARKETING, "meta-1", "marketing"),
                coverage("m2", "ours-1", ConversationCategory.MARKETING, "meta-2", "marketing")));

        assertThat(findings).extracting(Reconciliation.Finding::kind).containsExactly(Reconciliation.MERGED);
    }

    @Test
    void categoryDisagreementUsesMetaNamesForFreeEntryPoints() {
        List<Reconciliation.Finding> agree = Reconciliation.of(List.of(
                coverage("m1", "ours-1", ConversationCategory.FREE_ENTRY_POINT, "meta-1", "referral_conversion")));
        List<Reconciliation.Finding> disagree = Reconciliation.of(List.of(
                coverage("m1", "ours-1", ConversationCategory.UTILITY, "meta-1", "marketing")));

        assertThat(agree).extracting(Reconciliation.Finding::kind).containsExactly(Reconciliation.ONE_TO_ONE);
        assertThat(disagree).extracting(Reconciliation.Finding::kind)
                .containsExactly(Reconciliation.ONE_TO_ONE, Reconciliation.CATEGORY_DISAGREEMENT);
        assertThat(disagree.get(1).detail()).contains("UTILITY").contains("marketing");
    }

    @Test
    void conversationsOfOtherPeriodsAreNotReportedOnTheirOwn() {
        List<Reconciliation.Finding> findings = Reconciliation.of(List.of(
                new Coverage("m1", "carried", ConversationCategory.UTILITY, false, "meta-1", "utility")));

        assertThat(findings).isEmpty();
    }

    private static Coverage coverage(String message, String ours, ConversationCategory category, String meta,
            String metaCategory) {
        return new Coverage(message, ours, category, true, meta, metaCategory);
    }
}
