package com.wabilling.conversations;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.periods.Period;
import com.wabilling.periods.ScopeMode;
import com.wabilling.permessage.PricingReport;
import com.wabilling.support.JobSummary;
import com.wabilling.support.TextTable;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * Last step of reconstruct: the conversations, anomalies and reconciliation files (docs/formats.md), the
 * pricing records of a period a per-message regime reaches ({@link PricingReport}), the
 * period's record in the ledger, and a warning naming every period built on state that has changed.
 */
public class ReconstructReport implements Tasklet {

    private static final String[] CONVERSATION_HEADER = {"conversation_id", "waba_id", "phone_number_id",
        "customer_wa_id", "market", "category", "opened_at", "expires_at", "opening_message_id", "messages"};
    private static final String[] CONVERSATION_HEADER_WITH_USER_ID = {"conversation_id", "waba_id", "phone_number_id",
        "customer_wa_id", "customer_user_id", "market", "category", "opened_at", "expires_at", "opening_message_id",
        "messages"};
    private static final int EXAMPLES = 5;

    private final ConversationDao conversations;
    private final PeriodRegistry ledger;
    private final Period period;
    private final Path outputDir;
    private final Clock clock;
    private final PricingReport pricing;

    /** @param pricing the per-message part, null for a period no per-message regime reaches */
    ReconstructReport(ConversationDao conversations, PeriodRegistry ledger, Period period, Path outputDir,
            Clock clock, PricingReport pricing) {
        this.conversations = conversations;
        this.ledger = ledger;
        this.period = period;
        this.outputDir = outputDir;
        this.clock = clock;
        this.pricing = pricing;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var jobExecution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        Path dir = outputDir.resolve("conversations");
        Path conversationsFile = dir.resolve(period.fileStem() + ".csv");
        // docs/formats.md: with customers named by user id, the file gains customer_user_id after customer_wa_id
        boolean userIds = conversations.anyUserId(period);
        CsvOutput.write(conversationsFile, userIds ? CONVERSATION_HEADER_WITH_USER_ID : CONVERSATION_HEADER,
                out -> conversations.forEachConversation(period, row -> {
            Conversation c = row.conversation();
            List<String> cells = new ArrayList<>(List.of(c.id(), c.scope().wabaId(), c.scope().phoneNumberId(),
                    row.customerWaId(), CsvOutput.text(row.market()), c.category().name(),
                    Timestamps.format(c.openedAt()), Timestamps.format(c.expiresAt()), c.openingMessageId(),
                    Integer.toString(c.messages())));
            if (userIds) {
                cells.add(4, row.customerUserId() == null ? "" : row.customerUserId());
            }
            out.row(cells.toArray(String[]::new));
        }));
        Map<String, Long> anomalyCounts = new TreeMap<>();
        Path anomaliesFile = dir.resolve(period.fileStem() + "-anomalies.csv");
        CsvOutput.write(anomaliesFile, new String[] {"message_id", "kind", "detail"},
                out -> conversations.forEachAnomaly(period, a -> {
                    anomalyCounts.merge(a.kind(), 1L, Long::sum);
                    out.row(a.messageId(), a.kind(), CsvOutput.text(a.detail()));
                }));
        Map<String, Long> stats = conversations.messageStats(period);
        String reconciliation = stats.getOrDefault("meta", 0L) > 0 ? writeReconciliation(dir) : null;

        ledger.record(period, jobExecution.getJobInstanceId(), clock.instant());
        List<PeriodRegistry.Recorded> stale = ledger.stale(period.mode(), period);

        StringBuilder summary = new StringBuilder("Conversation reconstruction " + period.fromDate() + " to "
                + period.toDate() + " (UTC, to exclusive; scope " + period.mode().parameter() + ")\n");
        summary.append("  messages in the period: ").append(stats.getOrDefault("I", 0L)).append(" inbound, ")
                .append(stats.getOrDefault("O", 0L)).append(" outbound delivered, ").append(stats.get("U"))
                .append(" outbound never delivered (open nothing)\n\n");
        TextTable table = new TextTable("category", "conversations", "messages");
        long total = 0;
        long totalMessages = 0;
        for (ConversationDao.CategoryCount c : conversations.categoryCounts(period)) {
            table.row(c.category(), c.conversations(), c.messages());
            total += c.conversations();
            totalMessages += c.messages();
        }
        table.row("total", total, totalMessages);
        summary.append(table.render("  "));
        summary.append("\n  anomalies: ").append(anomalyCounts.isEmpty() ? "none" : anomalyCounts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        if (reconciliation != null) {
            summary.append("\n  reconciliation with Meta: ").append(reconciliation);
        }
        summary.append("\n  files: ").append(conversationsFile).append(", ").append(anomaliesFile.getFileName());
        if (reconciliation != null) {
            summary.append(", ").append(period.fileStem()).append("-reconciliation.csv");
        }
        if (pricing != null) {
            summary.append(pricing.write(period, outputDir));
        }
        summary.append('\n');
        for (PeriodRegistry.Recorded r : stale) {
            summary.append("  WARNING: period ").append(r.from()).append(" to ").append(r.to())
                    .append(" was built on messages or conversations that have changed since; re-run it: ")
                    .append("jobs/wa-billing reconstruct from=").append(r.from()).append(" to=").append(r.to())
                    .append(period.mode() == ScopeMode.WABA ? " conversation-scope=waba" : "")
                    .append(" rerun=<new value>\n");
        }
        JobSummary.put(jobExecution, summary.toString());
        return RepeatStatus.FINISHED;
    }

    /** Counts and examples per kind; returns the one-line summary. */
    private String writeReconciliation(Path dir) {
        Map<String, List<Reconciliation.Finding>> byKind = new TreeMap<>(conversations.findings(period).stream()
                .collect(Collectors.groupingBy(Reconciliation.Finding::kind)));
        for (String kind : List.of(Reconciliation.ONE_TO_ONE, Reconciliation.SPLIT, Reconciliation.MERGED,
                Reconciliation.CATEGORY_DISAGREEMENT)) {
            byKind.putIfAbsent(kind, List.of());
        }
        CsvOutput.write(dir.resolve(period.fileStem() + "-reconciliation.csv"),
                new String[] {"kind", "count", "example_conversation_ids", "example_meta_conversation_ids",
                    "example_details"},
                out -> byKind.forEach((kind, findings) -> {
                    List<Reconciliation.Finding> examples = findings.stream().limit(EXAMPLES).toList();
                    out.row(kind, Integer.toString(findings.size()),
                            examples.stream().map(Reconciliation.Finding::conversationId).collect(Collectors.joining(" ")),
                            examples.stream().map(Reconciliation.Finding::metaConversationId)
                                    .collect(Collectors.joining(" ")),
                            CsvOutput.text(examples.stream().map(Reconciliation.Finding::detail)
                                    .filter(d -> !d.isEmpty()).collect(Collectors.joining(" | "))));
                }));
        return byKind.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey())
                .collect(Collectors.joining(", "));
    }
}
