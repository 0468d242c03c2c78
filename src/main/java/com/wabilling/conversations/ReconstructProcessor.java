package com.wabilling.conversations;

import java.util.List;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.pricing.ConversationCategory;
import com.wabilling.pricing.MarketTable;
import com.wabilling.templates.CategoryHistory;

/** Runs the state machine over one scope's history (domain.md 3.3) and prices nothing yet: it only names the market. */
public class ReconstructProcessor implements ItemProcessor<ScopeHistory, ScopeOutcome> {

    private final Period period;
    private final CategoryHistory categories;
    private final MarketTable markets;

    public ReconstructProcessor(Period period, CategoryHistory categories, MarketTable markets) {
        this.period = period;
        this.categories = categories;
        this.markets = markets;
    }

    @Override
    public ScopeOutcome process(ScopeHistory history) {
        Scope scope = history.scope();
        ScopeReconstruction reconstruction = new ScopeReconstruction(scope, period.from(), period.to(),
                history.carriedOver());
        for (StoredMessage message : history.messages()) {
            reconstruction.accept(event(scope, message));
        }
        List<Conversation> conversations = reconstruction.conversations();
        if (conversations.isEmpty() && reconstruction.anomalies().isEmpty() && reconstruction.coverages().isEmpty()) {
            return null; // nothing opened in this period (only history or look-ahead messages)
        }
        return new ScopeOutcome(scope, history.bucket(), markets.marketOf(scope.customerWaId()), conversations,
                reconstruction.anomalies(), Reconciliation.of(reconstruction.coverages()));
    }

    private MessageEvent event(Scope scope, StoredMessage m) {
        if (m.inbound()) {
            return MessageEvent.inbound(m.messageId(), m.eventAt(), m.entryPoint() != null);
        }
        MessageEvent event;
        if ("template".equals(m.type())) {
            event = categories.categoryAt(scope.wabaId(), m.templateName(), m.templateLanguage(), m.eventAt())
                    .map(c -> MessageEvent.template(m.messageId(), m.eventAt(), ConversationCategory.valueOf(c.name())))
                    .orElseGet(() -> MessageEvent.unknownTemplate(m.messageId(), m.eventAt(),
                            "template '" + m.templateName() + "' (" + m.templateLanguage() + ") of WABA "
                                    + scope.wabaId()));
        } else {
            event = MessageEvent.freeForm(m.messageId(), m.eventAt(), m.type());
        }
        return m.metaConversationId() == null ? event : event.withMeta(m.metaConversationId(), m.metaCategory());
    }
}
