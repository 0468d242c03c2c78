package com.wabilling.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;

class CsvFilesReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsColumnsByNameInAnyOrderWithBomQuotedLineBreaksAndEmptyLines() throws IOException {
        Path file = write("a.csv", "\uFEFFbody,Template_ID,extra\n\"line one\nline \"\"two\"\", with comma\",T1,x\n\n,T2,y\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "template_id", "body"), new ExecutionContext());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("template_id")).isEqualTo("T1");
        assertThat(rows.get(0).get("body")).isEqualTo("line one\nline \"two\", with comma");
        assertThat(rows.get(0).get("not_there")).isEmpty();
        assertThat(rows.get(1).record()).isEqualTo(2);
        assertThat(rows.get(1).source()).isEqualTo(file.toString());
    }

    @Test
    void missingRequiredColumnStopsAtOnceNamingIt() throws IOException {
        Path file = write("a.csv", "template_id,name\nT1,x\n");
        CsvFilesReader reader = reader(List.of(file), "template_id", "body");

        assertThatThrownBy(() -> reader.open(new ExecutionContext()))
                .isInstanceOf(MissingColumnException.class)
                .hasMessageContaining("'body'")
                .hasMessageContaining(file.toString());
    }

    @Test
    void raggedRowIsMarkedMalformedNotDropped() throws IOException {
        Path file = write("a.csv", "a,b\n1,2\n3\n4,5,6\n7,8\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::isMalformed).containsExactly(false, true, true, false);
        assertThat(rows.get(1).malformed()).contains("1 fields").contains("header has 2");
        assertThat(rows.get(2).raw()).isEqualTo("4,5,6");
    }

    @Test
    void unterminatedQuoteAtTheEndOfATruncatedFileIsOneMalformedRecord() throws IOException {
        Path file = write("a.csv", "a,b\n1,2\n3,\"never closed\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).hasSize(2);
        assertThat(rows.get(1).isMalformed()).isTrue();
        assertThat(rows.get(1).malformed()).containsIgnoringCase("EOF");
        assertThat(rows.get(1).record()).isEqualTo(2);
    }

    @Test
    void readsSeveralFilesInOrder() throws IOException {
        Path a = write("a.csv", "x\n1\n2\n");
        Path b = write("b.csv", "x\n3\n");

        List<CsvRow> rows = readAll(reader(List.of(a, b), "x"), new ExecutionContext());

        assertThat(rows).extracting(r -> r.get("x")).containsExactly("1", "2", "3");
        assertThat(rows.get(2).record()).isEqualTo(1);
    }

    @Test
    void resumesAfterTheSavedRecordCountInsteadOfStartingOver() throws IOException {
        Path a = write("a.csv", "x\n1\n2\n3\n");
        Path b = write("b.csv", "x\n4\n5\n");
        CsvFilesReader first = reader(List.of(a, b), "x");
        ExecutionContext context = new ExecutionContext();
        first.open(context);
        first.read();
        first.read();
        first.read();
        first.read(); // "4": second file, first record
        first.update(context);
        first.close();

        List<CsvRow> rest = readAll(reader(List.of(a, b), "x"), context);

        assertThat(rest).extracting(r -> r.get("x")).containsExactly("5");
        assertThat(rest.get(0).record()).isEqualTo(2);
    }

    @Test
    void aFileAddedToTheFolderAfterAFailureIsReadOnResume() throws IOException {
        // issue 8.3: a late export that sorts before the file being read when the run failed
        Path b = write("b.csv", "x\n1\n2\n3\n");
        Path c = write("c.csv", "x\n4\n");
        ExecutionContext context = new ExecutionContext();
        CsvFilesReader first = reader(List.of(b, c), "x");
        first.open(context);
        first.read();
        first.read();
        first.update(context);
        first.close();
        Path late = write("a.csv", "x\nlate1\nlate2\n");

        List<CsvRow> rest = readAll(reader(List.of(late, b, c), "x"), context);

        assertThat(rest).extracting(r -> r.get("x")).containsExactlyInAnyOrder("3", "late1", "late2", "4");
        assertThat(rest).filteredOn(r -> r.get("x").equals("3")).singleElement()
                .satisfies(r -> assertThat(r.record()).isEqualTo(3));
    }

    @Test
    void aFileThatChangedSinceItWasPartlyReadIsRefusedNamingItAndRerun() throws IOException {
        Path a = write("a.csv", "x\n1\n2\n3\n");
        ExecutionContext context = new ExecutionContext();
        CsvFilesReader first = reader(List.of(a), "x");
        first.open(context);
        first.read();
        first.update(context);
        first.close();
        write("a.csv", "x\n0\n1\n2\n3\n"); // re-exported with a row in front

        assertThatThrownBy(() -> reader(List.of(a), "x").open(context))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining(a.toString()).hasMessageContaining("changed since the failed execution")
                .hasMessageContaining("rerun=");
    }

    @Test
    void aFinishedFileThatChangedIsRefusedToo() throws IOException {
        Path a = write("a.csv", "x\n1\n");
        Path b = write("b.csv", "x\n2\n3\n");
        ExecutionContext context = new ExecutionContext();
        CsvFilesReader first = reader(List.of(a, b), "x");
        first.open(context);
        first.read();
        first.read(); // "2": a is finished
        first.update(context);
        first.close();
        write("a.csv", "x\n1\n1b\n");

        assertThatThrownBy(() -> reader(List.of(a, b), "x").open(context))
                .isInstanceOf(ItemStreamException.class).hasMessageContaining(a.toString());
    }

    @Test
    void emptyFileIsAnError() throws IOException {
        Path file = write("a.csv", "");
        CsvFilesReader reader = reader(List.of(file), "x");

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
                .hasMessageContaining("no header");
    }

    @Test
    void directoryInputListsCsvFilesByName() throws IOException {
        write("b.csv", "x\n");
        write("a.csv", "x\n");
        write("notes.txt", "not csv");

        assertThat(InputFiles.resolve(dir.toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "b.csv");
    }

    private CsvFilesReader reader(List<Path> files, String... required) {
        return new CsvFilesReader("test", files, List.of(required));
    }

    private static List<CsvRow> readAll(CsvFilesReader reader, ExecutionContext context) {
        reader.open(context);
        List<CsvRow> rows = new ArrayList<>();
        for (CsvRow row = reader.read(); row != null; row = reader.read()) {
            rows.add(row);
        }
        reader.close();
        return rows;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
