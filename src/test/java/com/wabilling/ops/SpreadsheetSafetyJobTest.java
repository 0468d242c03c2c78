package com.wabilling.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.wabilling.support.testing.JobTest;
import com.wabilling.support.testing.TestWorkspace;

/**
 * docs/formats.md, outputs: ids, template ids and Meta's values are written as read, so a hostile
 * export must not reach the accountant's spreadsheet as a formula. Every cell of every CSV the
 * suite writes is checked, after both eras were migrated, imported, reconstructed and invoiced.
 */
@JobTest
class SpreadsheetSafetyJobTest extends LaunchingJobTest {

    private static final TestWorkspace WORKSPACE = TestWorkspace.create("spreadsheet");
    private static final String HEADER = "message_id,waba_id,phone_number_id,customer_wa_id,direction,type,template_name,"
            + "template_language,timestamp,status,delivered_at,entry_point,meta_conversation_id,meta_category,"
            + "meta_pricing_category,meta_pricing_type\n";

    @DynamicPropertySource
    static void workspace(DynamicPropertyRegistry registry) {
        WORKSPACE.register(registry);
    }


    @Test
    void noCellOfAnyOutputFileStartsAFormula() throws Exception {
        Path templates = WORKSPACE.root().resolve("templates.csv");
        Files.writeString(templates, "template_id,waba_id,name,language,category,status,header,body,footer,buttons\n"
                + "@sum(1+1),102938475610001,pedido_enviado,pt_BR,SHIPPING_UPDATE,APPROVED,,Seu pedido {{1}} foi enviado.,,\n"
                + "\"=HYPERLINK(\"\"http://example.invalid\"\")\",102938475610001,promo_inverno,pt_BR,MARKETING,APPROVED,,"
                + "Inverno: 30% off em tudo!,,\n");
        Path export = WORKSPACE.root().resolve("exports/hostile.csv");
        Files.createDirectories(export.getParent());
        Files.writeString(export, HEADER
                + "\"=HYPERLINK(\"\"http://example.invalid\"\")\",102938475610001,110000000000001,5511987650001,inbound,text,,,"
                + "2023-06-05T10:00:00.412Z,,,,,,,\n"
                + "@sum(1+1),102938475610001,110000000000001,5511987650001,outbound,template,pedido_enviado,pt_BR,"
                + "2023-06-05T10:05:01.733Z,read,2023-06-05T10:05:03Z,,-regular,=utility,,\n"
                + "\t=1+1,102938475610001,110000000000001,5511987650002,outbound,template,promo_inverno,pt_BR,"
                + "2023-06-06T09:00:00.001Z,delivered,2023-06-06T09:00:02Z,,+conv,marketing,,\n"
                + "-x,102938475610001,110000000000001,5511987650003,outbound,template,no_such,pt_BR,"
                + "2026-10-06T09:00:00.250Z,read,2026-10-06T09:00:01Z,,,,@sum(2),-regular\n"
                + "+y,102938475610001,110000000000001,5511987650003,outbound,template,pedido_enviado,pt_BR,"
                + "2026-10-07T09:00:00.250Z,read,2026-10-07T09:00:01Z,,,,=utility,\tregular\n"
                + "=bad,102938475610001,110000000000001,not-a-number,inbound,text,,,2023-06-05T10:00:00Z,,,,,,,\n");

        assertThat(run("migrate-templates", "input=" + templates)).startsWith("0\n");
        assertThat(run("import-messages", "input=" + export.getParent())).startsWith("0\n");
        assertThat(run("reconstruct", "from=2023-05-31", "to=2023-07-02")).startsWith("0\n");
        assertThat(run("reconstruct", "from=2026-09-30", "to=2026-11-02")).startsWith("0\n");
        assertThat(run("invoice", "month=2023-06")).startsWith("0\n");
        assertThat(run("invoice", "month=2026-10")).startsWith("0\n");

        List<String> cells = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(WORKSPACE.output())) {
            files = walk.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        assertThat(files).hasSizeGreaterThan(8);
        for (Path file : files) {
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (CSVRecord record : CSVFormat.RFC4180.parse(reader)) {
                    for (String cell : record) {
                        cells.add(cell);
                        assertThat(startsAFormula(cell)).as("%s: %s", file.getFileName(), cell).isFalse();
                    }
                }
            }
        }
        // the hostile values are there, each behind an apostrophe
        assertThat(cells).contains("'@sum(1+1)", "'=HYPERLINK(\"http://example.invalid\")", "'=1+1", "'-regular",
                "'-regular +conv", "'-x", "'+y", "'@sum(2)");
    }

    /** What a spreadsheet runs: a cell starting with =, +, -, @, tab or CR that is not a plain number. */
    private static boolean startsAFormula(String cell) {
        if (cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        if (first == '-' && cell.matches("-[0-9]+(\\.[0-9]+)?")) {
            return false;
        }
        return "=+-@\t\r".indexOf(first) >= 0;
    }

    /** The exit code, then everything the launch printed. */
    private String run(String... args) {
        return launch(args).text();
    }
}
