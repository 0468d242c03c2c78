package com.wabilling.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import com.wabilling.pricing.ConversationCategory;

/**
 * Compares our conversations with Meta's own (docs/billing-rules.md 3.5), from the messages Meta tied to a
 * conversation id. Per scope: Meta's conversations never span scopes.
 */
public final class Reconciliation {

    public static final String ONE_TO_ONE = "one_to_one";
    public static final String SPLIT = "split";
    public static final String MERGED = "merged";
    public static final String CATEGORY_DISAGREEMENT = "category_disagreement";

    /** One observation; for SPLIT the conversation id lists ours joined by ';'. */
    public record Finding(String kind, String conversationId, String metaConversationId, String detail) {
    }

    private Reconciliation() {
    }

    public static List<Finding> of(List<Coverage> coverages) {
        Map<String, Set<String>> metaByOurs = new TreeMap<>();
        Map<String, Set<String>> oursByMeta = new TreeMap<>();
        Map<String, Coverage> sample = new TreeMap<>();
        Set<String> reported = new TreeSet<>();
        for (Coverage c : coverages) {
            metaByOurs.computeIfAbsent(c.conversationId(), k -> new TreeSet<>()).add(c.metaConversationId());
            oursByMeta.computeIfAbsent(c.metaConversationId(), k -> new TreeSet<>()).add(c.conversationId());
            sample.putIfAbsent(c.conversationId() + '|' + c.metaConversationId(), c);
            if (c.inPeriod()) {
                reported.add(c.conversationId());
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (String ours : reported) {
            Set<String> metas = metaByOurs.get(ours);
            if (metas.size() > 1) {
                findings.add(new Finding(MERGED, ours, String.join(";", metas),
                        "one conversation of ours covers " + metas.size() + " of Meta's"));
                continue;
            }
            String meta = metas.iterator().next();
            if (oursByMeta.get(meta).size() == 1) {
                findings.add(new Finding(ONE_TO_ONE, ours, meta, ""));
            }
            Coverage c = sample.get(ours + '|' + meta);
            ConversationCategory metaCategory = ConversationCategory.ofMeta(c.metaCategory());
            if (c.metaCategory() != null && metaCategory != c.category()) {
                findings.add(new Finding(CATEGORY_DISAGREEMENT, ours, meta,
                        "ours " + c.category() + ", Meta " + c.metaCategory()));
            }
        }
        for (var entry : oursByMeta.entrySet()) {
            Set<String> ours = entry.getValue();
            if (ours.size() > 1 && ours.stream().anyMatch(reported::contains)) {
                findings.add(new Finding(SPLIT, String.join(";", ours), entry.getKey(),
                        "one Meta conversation is " + ours.size() + " of ours"));
            }
        }
        return findings;
    }
}
