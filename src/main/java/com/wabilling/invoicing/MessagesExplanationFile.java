package com.wabilling.invoicing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.wabilling.pricing.BillingAccount;
import com.wabilling.support.Failures;
import com.wabilling.support.Refusal;
import com.wabilling.support.Timestamps;
import com.wabilling.support.csv.CsvOutput;

/**
 * {@code <invoice_id>-messages.csv}: a per-message invoice explains itself as a conversation invoice does, one row
 * per message of the account's month as priced (docs/per-message-pricing.md 4), by delivery time then message_id;
 * the band says which rates came from computed volume tiers. Written by the one pricing pass that computes the
 * invoice, never by a second one (docs/billing-rules.md 4.4, "An explanation is priced once"): staged beside the books while the
 * month is priced, its SHA-256 recorded with the invoice in the same transaction, moved into place by the books
 * step only when its bytes still have that checksum.
 */
public class MessagesExplanationFile {

    static final String[] HEADER = {"message_id", "delivered_at", "delivered_at_local", "category", "pricing_type",
        "market", "band", "unit_price", "amount"};
    /** {@code .<invoice_id>-messages.<first 16 hex of its SHA-256>.staged.csv}: hidden, so nobody takes it for a book. */
    private static final Pattern STAGED = Pattern.compile("\\.(.+)-messages\\.([0-9a-f]{16})\\.staged\\.csv");
    /** What earlier versions staged, and what a pricing pass leaves when its process dies: never trusted. */
    private static final Pattern LEFT_OVER = Pattern.compile("\\.\\.?messages-.+\\.(staged|staging)\\.csv(\\.tmp)?");

    private final InvoiceDao invoices;
    private final PerMessageMonth perMessage;

    public MessagesExplanationFile(InvoiceDao invoices, PerMessageMonth perMessage) {
        this.invoices = invoices;
        this.perMessage = perMessage;
    }

    /** An account's month priced once: the invoice it gives and the explanation written while pricing it. */
    public record Staged(ComputedInvoice invoice, Path file, CsvOutput.Written written) {
    }

    /** Prices the account's month for its invoice, writing the explanation to a staging file beside the books. */
    public Staged stage(Path dir, BillingAccount account, YearMonth month) {
        Path file = dir.resolve(".messages-" + account.wabaId() + ".staging.csv");
        ComputedInvoice[] computed = new ComputedInvoice[1];
        CsvOutput.Written written = CsvOutput.writeDigested(file, HEADER,
                out -> computed[0] = perMessage.compute(account, month, null, row(out, account)));
        return new Staged(computed[0], file, written);
    }

    /**
     * Gives the staged explanation to the plan's explained draft: renamed for that invoice and its checksum, the
     * digest to be stored with the draft; deleted when the plan drafts nothing. A chunk rolled back after this
     * leaves a file whose checksum no committed invoice records: never moved into the books, deleted by them.
     */
    public InvoicePlan keep(Staged staged, InvoicePlan plan) {
        InvoicePlan.Draft draft = plan.explained();
        Path target = draft == null ? null
                : staged(staged.file().getParent(), draft.invoiceId(), staged.written().sha256());
        try {
            if (target == null) {
                Files.deleteIfExists(staged.file());
                return plan;
            }
            Files.move(staged.file(), target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new Failures.CannotWrite(target == null ? staged.file() : target, "check WA_BILLING_OUTPUT_DIR", e);
        }
        return plan.withExplanation(new ExplanationDigest(staged.written().sha256(), staged.written().rows()));
    }

    /**
     * The books step: moves the explanation staged with the invoice into place when its bytes have the checksum
     * the invoice records; keeps one an earlier execution of this step moved; refuses otherwise, naming the fix.
     */
    public void write(Path dir, InvoiceDao.SummaryRow invoice, InvoiceRun run) {
        Path file = dir.resolve(invoice.invoiceId() + "-messages.csv");
        ExplanationDigest recorded = invoices.explanation(invoice.invoiceId()).orElseThrow(() -> refusal(file, invoice,
                run, "no explanation was recorded with it (it was computed by a version before the explanation was"
                        + " kept with the invoice)", null));
        Path staged = staged(dir, invoice.invoiceId(), recorded.sha256());
        try {
            if (Files.isRegularFile(staged)) {
                String sha = CsvOutput.sha256(staged);
                if (!sha.equals(recorded.sha256())) {
                    throw refusal(file, invoice, run, staged.getFileName() + " is not the file staged with it (SHA-256 "
                            + sha + ", recorded " + recorded.sha256() + ")", staged);
                }
                Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } else if (!Files.isRegularFile(file) || !CsvOutput.sha256(file).equals(recorded.sha256())) {
                throw refusal(file, invoice, run, "the explanation staged with it (" + recorded.rows()
                        + " messages, SHA-256 " + recorded.sha256() + ") is missing from " + dir, staged);
            } // else moved into place by an earlier execution of this step
        } catch (IOException e) {
            throw new Failures.CannotWrite(file, "check WA_BILLING_OUTPUT_DIR", e);
        }
    }

    private static Refusal refusal(Path file, InvoiceDao.SummaryRow invoice, InvoiceRun run, String why, Path staged) {
        String fix = invoice.finalized()
                ? (staged == null ? "the explanation of a finalized invoice cannot be made again"
                        : "put " + staged.getFileName() + " back into " + staged.getParent() + " from a copy,"
                                + " then run the same command again")
                        + " (a finalized invoice is never priced again)"
                : "start a new run, which prices the month again with its explanation: " + run.newRunCommand();
        return new Refusal("cannot write " + file + " for " + invoice.invoiceId() + ": " + why
                + "; an explanation is written by the pricing of its invoice only (docs/billing-rules.md 4.4, \"An"
                + " explanation is priced once\")", fix);
    }

    /**
     * After the books: deletes the month's staged files except those another run's invoices still await
     * (recorded with their checksum), and what failed or earlier pricing passes left.
     */
    void dropStaged(Path dir, List<InvoiceDao.SummaryRow> rows, long runId) {
        Map<String, InvoiceDao.SummaryRow> byId = rows.stream()
                .collect(Collectors.toMap(InvoiceDao.SummaryRow::invoiceId, r -> r));
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                Matcher m = STAGED.matcher(name);
                if (m.matches() ? !awaited(byId.get(m.group(1)), m.group(2), runId) : LEFT_OVER.matcher(name).matches()) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (NoSuchFileException e) {
            // no books written for the month: nothing staged either
        } catch (IOException e) {
            throw new Failures.CannotWrite(dir, "check WA_BILLING_OUTPUT_DIR", e);
        }
    }

    private boolean awaited(InvoiceDao.SummaryRow row, String shaPrefix, long runId) {
        return row != null && row.runId() != runId
                && invoices.explanation(row.invoiceId()).filter(d -> d.sha256().startsWith(shaPrefix)).isPresent();
    }

    static Path staged(Path dir, String invoiceId, String sha256) {
        return dir.resolve("." + invoiceId + "-messages." + sha256.substring(0, 16) + ".staged.csv");
    }

    private static Consumer<PerMessageInvoiceCalculator.Priced> row(CsvOutput out, BillingAccount account) {
        int digits = account.currency().getDefaultFractionDigits();
        return p -> out.row(p.message().messageId(), Timestamps.format(p.message().deliveredAt()),
                ConversationsExplanationFile.local(p.message().deliveredAt(), account.zone()),
                p.message().category().name(), p.type().metaName(), CsvOutput.text(p.message().market()), p.band(),
                Money.displayPrice(p.unitPrice(), digits).toPlainString(),
                Money.displayPrice(p.charge(), digits).toPlainString());
    }
}
