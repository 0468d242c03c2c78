package com.wabilling.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvFilesReader;
import com.wabilling.support.csv.CsvRow;

class CatalogueRowMapperTest {

    private static final String HEADER = "template_id,waba_id,name,language,category,status,header,body,footer,buttons\n";

    @TempDir
    Path dir;

    @Test
    void mapsAValidRowKeepingTemplateTextExact() throws IOException {
        CatalogueTemplate t = CatalogueRowMapper.map(row("T1,123,order_update,pt_BR, SHIPPING_UPDATE ,APPROVED,,\"  Hi {{1}}  \",,"));

        assertThat(t.legacyCategory()).isEqualTo("SHIPPING_UPDATE");
        assertThat(t.body()).isEqualTo("  Hi {{1}}  ");
        assertThat(t.language()).isEqualTo("pt_BR");
    }

    @Test
    void emptyLegacyCategoryIsAccepted() throws IOException {
        assertThat(CatalogueRowMapper.map(row("T1,123,n,en,,,,Hi,,")).legacyCategory()).isEmpty();
    }

    @Test
    void rejectsWithAReason() throws IOException {
        assertReject("T1,123,n,en,UTILITY,,,,,", "body is empty");
        assertReject(",123,n,en,UTILITY,,,Hi,,", "template_id is empty");
        assertReject("T1,12a,n,en,UTILITY,,,Hi,,", "waba_id must be digits");
        assertReject("T1,123,,en,UTILITY,,,Hi,,", "name is empty");
        assertReject("T1,123,n,english please,UTILITY,,,Hi,,", "language is not a language code");
        assertReject("T1,123,n,en", "ragged row");
    }

    @Test
    void rejectsAValueLongerThanItsStoredColumn() throws IOException {
        CatalogueRowMapper.map(row("T1,123," + "n".repeat(512) + ",en," + "c".repeat(128) + "," + "s".repeat(32) + ",,"
                + "b".repeat(16_000) + ",,"));

        assertReject("T1,123," + "n".repeat(513) + ",en,UTILITY,,,Hi,,", "name is 513 characters long, at most 512");
        assertReject("T1,123,n," + "en_" + "x".repeat(14) + ",UTILITY,,,Hi,,", "language is 17 characters long");
        assertReject("T1,123,n,en," + "c".repeat(129) + ",,,Hi,,", "category is 129 characters long, at most 128");
        assertReject("T1,123,n,en,UTILITY," + "s".repeat(33) + ",,Hi,,", "status is 33 characters long, at most 32");
        assertReject("T1,123,n,en,UTILITY,,,\"" + "b".repeat(16_001) + "\",,", "body is 16001 characters long");
        assertReject("T1,123,n,en,UTILITY,," + "h".repeat(16_001) + ",Hi,,", "header is 16001 characters long");
    }

    private void assertReject(String line, String reason) throws IOException {
        CsvRow row = row(line);
        assertThatThrownBy(() -> CatalogueRowMapper.map(row)).isInstanceOf(RejectedRecordException.class)
                .hasMessageContaining(reason);
    }

    private CsvRow row(String line) throws IOException {
        Path file = Files.writeString(dir.resolve("t.csv"), HEADER + line + "\n");
        CsvFilesReader reader = new CsvFilesReader("t", List.of(file), CatalogueRowMapper.REQUIRED_COLUMNS);
        reader.open(new ExecutionContext());
        CsvRow row = reader.read();
        reader.close();
        return row;
    }
}
