package com.wabilling.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.messages.CustomerLinks;
import com.wabilling.messages.ExportedMessage;
import com.wabilling.periods.Period;
import com.wabilling.pricing.MarketTable;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;
import com.wabilling.templates.CategoryHistory;

/**
 * Runs the state machine over one scope's history (docs/billing-rules.md 3.3, docs/per-message-pricing.md 1-2) and names the
 * market; prices stay for invoicing. The regime of a message is its account's: Meta switches at 00:00 in
 * the WABA's zone (a WABA without a billing account switches at 00:00 UTC; invoicing refuses it anyway).
 */
public class ReconstructProcessor implements ItemProcessor<ScopeHistory, ScopeOutcome> {

    private final Period period;
    private final MessageEvents events;
    private final MarketTable markets;
    private final Map<String, ZoneId> zones;
    private final Regimes regimes;

    private final CustomerLinks links;

    public ReconstructProcessor(Period period, CategoryHistory categories, MarketTable markets) {
        this(period, categories, markets, Map.of(), Regimes.META, CustomerLinks.NONE);
    }

    /**
     * @param zones the time zone of each WABA with a billing account
     * @param links the links between phone numbers and user ids the scopes were sorted by
     */
    public ReconstructProcessor(Period period, CategoryHistory categories, MarketTable markets,
            Map<String, ZoneId> zones, Regimes regimes, CustomerLinks links) {
        this.period = period;
        this.events = new MessageEvents(categories);
        this.markets = markets;
        this.zones = Map.copyOf(zones);
        this.regimes = regimes;
        this.links = links;
    }

    @Override
    public ScopeOutcome process(ScopeHistory history) {
        Scope scope = history.scope();
        ScopeReconstruction reconstruction = new ScopeReconstruction(scope, period.from(), period.to(),
                history.carriedOver(), history.entryPointOpenedAt(), regimeOf(scope.wabaId()));
        for (ExportedMessage message : history.messages()) {
            reconstruction.accept(events.of(scope, message));
        }
        List<Conversation> conversations = reconstruction.conversations();
        if (conversations.isEmpty() && reconstruction.priced().isEmpty() && reconstruction.anomalies().isEmpty()
                && reconstruction.coverages().isEmpty() && reconstruction.metaOnly().isEmpty()) {
            return null; // nothing opened or priced in this period (only history or look-ahead messages)
        }
        CustomerMarket customer = CustomerMarket.of(scope.customerWaId(), links, markets);
        List<Anomaly> anomalies = new ArrayList<>(reconstruction.anomalies());
        anomalies.addAll(customer.anomalies(history.messages(), links, period));
        return new ScopeOutcome(scope, history.bucket(), customer.market(), conversations, reconstruction.priced(),
                anomalies, Reconciliation.of(reconstruction.coverages()), reconstruction.metaOnly(),
                customer.customerWaId(), customer.customerUserId());
    }

    /**
     * Before the first regime (2023-06-01) the conversation rules still give the state June starts
     * from, so reconstruct uses them; invoicing refuses those months.
     */
    private Function<Instant, Regime> regimeOf(String wabaId) {
        ZoneId zone = zones.getOrDefault(wabaId, ZoneOffset.UTC);
        LocalDate earliest = regimes.earliest();
        return t -> {
            LocalDate local = LocalDate.ofInstant(t, zone);
            return local.isBefore(earliest) ? regimes.all().get(0) : regimes.at(local);
        };
    }
}
