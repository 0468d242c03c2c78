package com.wabilling.permessage;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.messages.Buckets;
import com.wabilling.periods.Period;
import com.wabilling.pricing.PricingType;
import com.wabilling.pricing.Regime;
import com.wabilling.pricing.Regimes;
import com.wabilling.pricing.ServiceFreeTier;

/**
 * docs/per-message-pricing.md 2 rule 3, after the scopes: the partitions split customers, but the service free
 * tier counts per business phone number across all its customers. Reads the period's service records
 * that wait for it in processing order (delivery time, then message_id), starts each (number,
 * account-local month) from what earlier periods of that month counted, and moves them from where the
 * partitions left them into the pricing records, the free ones typed so. A failed settlement leaves the
 * period unrecorded, so no invoice reads it, and its restart finishes the move with the same decision.
 */
public class ServiceTierSettlement implements Tasklet {

    private static final int SLICE = 8;

    private final PricedMessageDao priced;
    private final Period period;
    private final Map<String, ZoneId> zones;
    private final Regimes regimes;

    /** @param period the period of the job (its parameters) */
    public ServiceTierSettlement(PricedMessageDao priced, Period period, Map<String, ZoneId> zones, Regimes regimes) {
        this.priced = priced;
        this.period = period;
        this.zones = Map.copyOf(zones);
        this.regimes = regimes;
    }

    private record NumberMonth(String phoneNumberId, YearMonth month) {
    }

    private static final String MOVED_UNTIL = "moved-until-bucket";

    /** Set by the first call of an execution: the records the free tier makes free. */
    private Set<PricedMessageDao.AwaitingTier> free;

    /**
     * The first call decides which records are free; each call then moves one slice of buckets in its own
     * transaction (Spring Batch commits each call of a tasklet with the step's context), so a month of service
     * messages is never one transaction. A restart decides again over the records already moved and those
     * still waiting (the same records, so the same decision) and goes on from the slice its context names.
     */
    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var progress = chunkContext.getStepContext().getStepExecution().getExecutionContext();
        boolean restart = progress.containsKey(MOVED_UNTIL);
        int from = restart ? progress.getInt(MOVED_UNTIL) : 0;
        if (free == null) {
            free = decideFree(restart);
        }
        int to = Math.min(from + SLICE, Buckets.COUNT);
        priced.unsettled().moveSettled(period, from, to, free::contains, priced::insertRows);
        progress.putInt(MOVED_UNTIL, to);
        if (to < Buckets.COUNT) {
            return RepeatStatus.CONTINUABLE;
        }
        free = null;
        return RepeatStatus.FINISHED;
    }

    private Set<PricedMessageDao.AwaitingTier> decideFree(boolean restart) {
        List<PricedMessageDao.AwaitingTier> awaiting = new ArrayList<>();
        if (restart) {
            priced.forEachSettledKey(period, awaiting::add); // moved before (a scan of the period's records)
        }
        priced.unsettled().forEachKey(period, awaiting::add);
        // processing order in Java's string order for ties, whatever the database's collation
        awaiting.sort(java.util.Comparator.comparing(PricedMessageDao.AwaitingTier::wabaId)
                .thenComparing(PricedMessageDao.AwaitingTier::phoneNumberId)
                .thenComparing(PricedMessageDao.AwaitingTier::deliveredAt)
                .thenComparing(PricedMessageDao.AwaitingTier::messageId));
        Map<Regime, ServiceFreeTier> tiers = new HashMap<>();
        Set<NumberMonth> started = new HashSet<>();
        Set<PricedMessageDao.AwaitingTier> decided = new HashSet<>();
        for (PricedMessageDao.AwaitingTier r : awaiting) {
            ZoneId zone = zones.getOrDefault(r.wabaId(), ZoneOffset.UTC);
            LocalDate local = LocalDate.ofInstant(r.deliveredAt(), zone);
            ServiceFreeTier tier = tiers.computeIfAbsent(regimes.at(local), ServiceFreeTier::of);
            YearMonth month = YearMonth.from(local);
            if (started.add(new NumberMonth(r.phoneNumberId(), month))) {
                tier.alreadyCounted(r.phoneNumberId(), month, priced.tierCountedBefore(period, r.wabaId(),
                        r.phoneNumberId(), month.atDay(1).atStartOfDay(zone).toInstant()));
            }
            if (tier.next(r.phoneNumberId(), month) == PricingType.FREE_CUSTOMER_SERVICE) {
                decided.add(r);
            }
        }
        return decided;
    }
}
