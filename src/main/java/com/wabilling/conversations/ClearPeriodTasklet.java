package com.wabilling.conversations;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.periods.Period;
import com.wabilling.periods.PeriodParameters;
import com.wabilling.periods.ScopeMode;
import com.wabilling.permessage.PerMessageAccounts;
import com.wabilling.permessage.PricedMessageDao;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.pricing.Regimes;
import com.wabilling.support.RunCommand;

/**
 * First step of reconstruct: refuse a period that would be built on partial or unknown state, then, in one
 * transaction, mark the period as being rebuilt and clear its conversations; then clear its pricing records a
 * day at a time (no invoice reads a period being rebuilt, docs/billing-rules.md 3.4).
 */
class ClearPeriodTasklet implements Tasklet {

    private static final String FIRST = "run the reconstruct command named above first, then this command again";

    private static final String CLEARED_UNTIL = "pricing-records-cleared-until";

    private final ConversationDao conversations;
    private final PricedMessageDao priced;
    private final PeriodRegistry ledger;
    private final ReferenceFiles reference;
    private final Clock clock;

    ClearPeriodTasklet(ConversationDao conversations, PricedMessageDao priced, PeriodRegistry ledger, ReferenceFiles reference,
            Clock clock) {
        this.conversations = conversations;
        this.priced = priced;
        this.ledger = ledger;
        this.reference = reference;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var step = chunkContext.getStepContext().getStepExecution();
        var execution = step.getJobExecution();
        Period period = PeriodParameters.of(execution.getJobParameters());
        var progress = step.getExecutionContext();
        if (!progress.containsKey(CLEARED_UNTIL)) {
            reference.markets(); // a missing or broken file stops here, before any work
            refuseOnUnfinishedRebuilds(ledger.unfinishedRebuildsAffecting(period), period);
            refuseOnUnknownState(ledger.exactStartInstead(period), period);
            refuseOnUncountedFreeTier(period);
            // one transaction: the period is marked as being rebuilt exactly when its conversations go
            ledger.startRebuild(period, RunCommand.of(ReconstructJobConfiguration.JOB_NAME,
                    execution.getJobParameters()), clock.instant());
            conversations.clear(period);
            progress.putString(CLEARED_UNTIL, period.fromDate().toString());
            return RepeatStatus.CONTINUABLE;
        }
        // then its pricing records one day per transaction (a month of them at once ran a 1 GiB heap out);
        // the step's context, saved with each commit, says where a restart goes on
        LocalDate day = LocalDate.parse(progress.getString(CLEARED_UNTIL));
        if (!day.isBefore(period.toDate())) {
            return RepeatStatus.FINISHED; // a restart after the last day's commit: never a day past the period
        }
        priced.clear(new Period(day, day.plusDays(1), period.mode()));
        progress.putString(CLEARED_UNTIL, day.plusDays(1).toString());
        return day.plusDays(1).equals(period.toDate()) ? RepeatStatus.FINISHED : RepeatStatus.CONTINUABLE;
    }

    /** docs/billing-rules.md 3.4: conversations carried into the first period would be missed (a free entry point, 3.3). */
    private static void refuseOnUnknownState(Optional<java.time.LocalDate> exactStart, Period period) {
        if (exactStart.isPresent()) {
            throw new com.wabilling.support.Refusal("cannot reconstruct " + period.fileStem() + " exactly: messages before "
                    + period.fromDate() + " may keep conversations (free entry points last 72 h) open into it, and no"
                    + " reconstructed period ends there; start where the state is known: jobs/wa-billing reconstruct"
                    + " from=" + exactStart.get() + " to=" + period.toDate()
                    + (period.mode() == ScopeMode.WABA ? " conversation-scope=waba" : ""),
                    "run the reconstruct command named above instead of this one (it starts where the state is known)");
        }
    }

    /**
     * docs/per-message-pricing.md 2 rule 3: the service free tier counts from the start of the account-local month;
     * a period starting inside a month whose earlier days hold messages but are not reconstructed would
     * start the count at zero and give too many messages free.
     */
    private void refuseOnUncountedFreeTier(Period period) {
        Instant earliest = period.from();
        for (ZoneId zone : PerMessageAccounts.zones(period, reference).values()) {
            LocalDate local = LocalDate.ofInstant(period.from(), zone);
            if (local.isBefore(Regimes.META.earliest()) || Regimes.META.at(local).everyServiceMessageFree()) {
                continue;
            }
            Instant monthStart = local.withDayOfMonth(1).atStartOfDay(zone).toInstant();
            earliest = monthStart.isBefore(earliest) ? monthStart : earliest;
        }
        Instant day = earliest.truncatedTo(ChronoUnit.DAYS);
        if (earliest.isBefore(period.from())) {
            // a period of the month still being rebuilt would be counted half
            refuseOnUnfinishedRebuilds(ledger.unfinishedRebuildsBetween(period, earliest), period);
        }
        if (earliest.isBefore(period.from()) && !ledger.covered(period.mode(), earliest, period.from())
                && ledger.messagesBetween(day, period.from()) > 0) {
            LocalDate from = LocalDate.ofInstant(day, ZoneOffset.UTC);
            throw new com.wabilling.support.Refusal("cannot reconstruct " + period.fileStem() + ": the service free tier"
                    + " (1,000 messages per phone number and account-local month) counts from the month's start,"
                    + " and messages from " + earliest + " on are not reconstructed; run: jobs/wa-billing reconstruct"
                    + " from=" + from + " to=" + period.toDate()
                    + (period.mode() == ScopeMode.WABA ? " conversation-scope=waba" : ""), FIRST);
        }
    }

    /** Carrying conversations in from a period whose rebuild did not finish would build on partial data. */
    private static void refuseOnUnfinishedRebuilds(List<PeriodRegistry.Rebuild> unfinished, Period period) {
        if (!unfinished.isEmpty()) {
            throw new com.wabilling.support.Refusal("cannot reconstruct " + period.fileStem() + ": it reads conversations of "
                    + unfinished.size() + " period(s) whose rebuild has not finished (running now, failed or killed);"
                    + " finish first: " + unfinished.stream().map(PeriodRegistry.Rebuild::command)
                            .collect(Collectors.joining(" ; ")), FIRST);
        }
    }
}
