package com.wabilling.invoicing.documents;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

import com.wabilling.invoicing.BillingMonth;
import com.wabilling.invoicing.InvoiceDao;
import com.wabilling.invoicing.InvoiceLine;
import com.wabilling.invoicing.InvoiceRun;
import com.wabilling.invoicing.StoredInvoice;
import com.wabilling.invoicing.tax.Buyer;
import com.wabilling.invoicing.tax.ExchangeRates;
import com.wabilling.invoicing.tax.Seller;
import com.wabilling.invoicing.tax.TaxReference;
import com.wabilling.invoicing.tax.Vat;
import com.wabilling.invoicing.tax.VatRates;
import com.wabilling.pricing.ReferenceFiles;
import com.wabilling.support.JobSummary;
import com.wabilling.support.csv.CsvOutput;

/**
 * Last step of invoice (docs/invoice-documents.md 3): for every invoice of the month a PDF (drafts marked
 * DRAFT) and, once finalized, a Peppol BIS 3 UBL Invoice or CreditNote that is validated before it is
 * written. The CSV books are complete before this step: a document that cannot be made (missing buyer
 * fields, a VAT case without a rule, a missing exchange rate, a failed validation rule) is not written,
 * and the step fails naming every one after writing the others; the same command resumes it.
 */
public class InvoiceDocumentsTasklet implements Tasklet {

    private final InvoiceDao invoices;
    private final java.util.function.Function<InvoiceDao.SummaryRow, PrepaidSettlement> prepaid;
    private final Path outputDir;
    private final Path referenceDir;
    private final ReferenceFiles reference;
    private final InvoiceRun run;
    private final Clock clock;

    public InvoiceDocumentsTasklet(InvoiceDao invoices, Path outputDir, ReferenceFiles reference, InvoiceRun run,
            Clock clock) {
        this(invoices, outputDir, reference, run, clock, r -> null);
    }

    /** {@code prepaid}: how a finalized invoice of a prepaid account is settled (docs/billing-rules.md 4.7), or null. */
    public InvoiceDocumentsTasklet(InvoiceDao invoices, Path outputDir, ReferenceFiles reference, InvoiceRun run,
            Clock clock,
            java.util.function.Function<InvoiceDao.SummaryRow, PrepaidSettlement> prepaid) {
        this.prepaid = prepaid;
        this.invoices = invoices;
        this.outputDir = outputDir;
        this.referenceDir = reference.directory();
        this.reference = reference;
        this.run = run;
        this.clock = clock;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) {
        var execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        List<InvoiceDao.SummaryRow> rows = run.isWhatIf() ? List.of() : invoices.summary(run.month());
        if (rows.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        if (!Files.isRegularFile(referenceDir.resolve("seller.properties"))) {
            JobSummary.append(execution, "  documents: none (no seller.properties in " + referenceDir
                    + "; see docs/invoice-documents.md)\n");
            return RepeatStatus.FINISHED;
        }
        TaxReference tax = new TaxReference(reference);
        Seller seller = tax.seller();
        Map<String, Buyer> buyers = tax.buyers();
        VatRates rates = tax.vatRates();
        rates.warnings().forEach(w -> JobSummary.append(execution, "  WARNING: " + referenceDir.resolve("vat-rates.csv")
                + " " + w + "\n"));
        ExchangeRates exchange = Files.isRegularFile(referenceDir.resolve("exchange-rates.csv"))
                ? tax.exchangeRates() : new ExchangeRates(List.of());
        InvoicePdf pdf = new InvoicePdf(referenceDir);
        PeppolDocuments peppol = new PeppolDocuments();
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Path dir = outputDir.resolve("invoices").resolve(run.month().toString());
        Map<String, String> numbers = rows.stream().filter(InvoiceDao.SummaryRow::finalized)
                .collect(Collectors.toMap(InvoiceDao.SummaryRow::invoiceId, InvoiceDao.SummaryRow::invoiceNumber));
        List<String> refusals = new ArrayList<>();
        int pdfs = 0;
        int ubls = 0;
        int kept = 0;
        for (InvoiceDao.SummaryRow r : rows) {
            Path pdfFile = dir.resolve(r.invoiceId() + ".pdf");
            Path ublFile = dir.resolve(r.invoiceId() + ".xml");
            // a finalized invoice's documents are written once and then never change (docs/invoice-documents.md
            // 3); a draft's PDF is replaced by every run
            boolean pdfWritten = r.finalized() && r.invoiceNumber().equals(PdfStamp.finalizedNumber(pdfFile));
            if (pdfWritten && Files.isRegularFile(ublFile)) {
                if (r.vatEur() == null && !r.currency().equals("EUR")) { // written by a run that failed afterwards,
                    // or before schema version 10
                    StatedVatEur.read(ublFile).ifPresent(v -> invoices.recordVatEur(r.invoiceId(), v));
                }
                kept++;
                continue;
            }
            Buyer buyer = buyers.get(r.wabaId());
            Buyer known = buyer != null ? buyer : new Buyer(r.wabaId(), "", "", "", "", "", "", "", "");
            List<String> missing = r.finalized() ? known.missingForPeppol() : known.missingForPdf();
            if (!missing.isEmpty()) {
                refusals.add(r.invoiceId() + " (" + r.accountName() + "): accounts.csv lacks " + String.join(", ", missing)
                        + " for waba_id " + r.wabaId());
                continue;
            }
            try {
                LocalDate issueDate = r.finalized() ? r.issueDate() : today;
                // a finalized invoice's VAT was recorded with the books (write-invoices); computing it here
                // happens only when it could not be, and then names why
                // a credit note takes back the VAT, and the VAT in euros, that what it reverses stated
                // (docs/billing-rules.md 4.5)
                boolean creditNote = r.kind().equals(StoredInvoice.Kind.CREDIT_NOTE.name());
                Vat vat = creditNote ? DocumentModels.creditNoteVat(r, rows)
                        : r.vat() != null ? DocumentModels.recorded(r)
                        : Vat.of(r.net(), java.util.Currency.getInstance(r.currency()), seller.countryCode(),
                                buyer.countryCode(), buyer.vatId(), rates, issueDate);
                BigDecimal eurRate = r.finalized() ? exchange.eurRate(r.currency(), issueDate) : null;
                BigDecimal vatEur = creditNote && r.finalized() && !r.currency().equals("EUR")
                        ? DocumentModels.vatEurTakenBack(r, rows, dir, exchange::eurRate) : null;
                List<InvoiceLine> billed = r.kind().equals("ADJUSTMENT") ? DocumentModels.billedBefore(r.invoiceId(),
                        invoices.invoices(r.wabaId(), YearMonth.parse(r.period()))) : List.of();
                InvoiceDocument document = DocumentModels.of(r, invoices.lines(r.invoiceId()), billed,
                        BillingMonth.perMessage(r), seller, buyer, vat, issueDate, eurRate,
                        numbers.get(r.referencesInvoiceId()), vatEur);
                // the Peppol file first, validated, and the finalized PDF (written once) last: a refused Peppol
                // file never leaves a frozen PDF of the same number behind, made from data a fix then changes
                if (r.finalized() && !Files.isRegularFile(ublFile)) {
                    PeppolDocuments.Result ubl = peppol.write(document);
                    if (!ubl.failedRules().isEmpty()) {
                        refusals.add(r.invoiceId() + ": the Peppol document fails validation, not written: "
                                + String.join("; ", ubl.failedRules()));
                        continue;
                    }
                    CsvOutput.write(ublFile, ubl.xml());
                    if (!r.currency().equals("EUR")) {
                        invoices.recordVatEur(r.invoiceId(), document.vatInEur());
                    }
                    ubls++;
                }
                if (!pdfWritten) {
                    CsvOutput.write(pdfFile, pdf.render(document, prepaid.apply(r)));
                    pdfs++;
                }
            } catch (Vat.RefusedException e) {
                refusals.add(r.invoiceId() + " (" + r.accountName() + "): " + e.getMessage());
            } catch (RuntimeException e) { // one document's failure never stops the others
                refusals.add(r.invoiceId() + " (" + r.accountName() + "): " + com.wabilling.support.Failures.rootMessage(e));
            }
        }
        JobSummary.append(execution, "  documents: " + pdfs + " PDF" + (pdfs == 1 ? "" : "s") + " (drafts marked DRAFT), "
                + ubls + " Peppol BIS 3 UBL file" + (ubls == 1 ? "" : "s") + " (finalized invoices, each validated)"
                + " in " + dir + (kept == 0 ? "" : "; " + kept + " finalized invoice" + (kept == 1 ? "'s documents" : "s'"
                        + " documents") + " already written, left as they are") + "\n");
        if (!refusals.isEmpty()) {
            throw new com.wabilling.support.Refusal("documents refused for " + refusals.size() + " invoice"
                    + (refusals.size() == 1 ? "" : "s") + " (the CSV books are written):\n    "
                    + String.join("\n    ", refusals), com.wabilling.support.Refusal.fixThenSameCommand(
                            "what each line names (the buyer's columns in accounts.csv, seller.properties, vat-rates.csv"
                                    + " or exchange-rates.csv in the reference folder)"));
        }
        return RepeatStatus.FINISHED;
    }
}
