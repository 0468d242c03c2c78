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
    void directoryInputListsCsvAndGzippedCsvFilesByName() throws IOException {
        write("b.csv", "x\n");
        write("a.csv", "x\n");
        gzip("a2.csv.gz", "x\n");
        write("notes.txt", "not csv");

        assertThat(InputFiles.resolve(dir.toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv", "a2.csv.gz", "b.csv");
    }

    @Test
    void aFolderWithNoInputFileIsAnErrorNamingWhatWasSkipped() throws IOException {
        Files.createDirectories(dir.resolve("2023-06"));
        write("2023-06/a.csv", "x\n1\n");
        write("export.txt", "x\n1\n");

        assertThatThrownBy(() -> InputFiles.resolve(dir.toString()))
                .isInstanceOf(InputFiles.NoInputFilesException.class)
                .hasMessageContaining("no input files in " + dir)
                .hasMessageContaining("2023-06/ (a sub-folder)").hasMessageContaining("export.txt");
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertThatThrownBy(() -> InputFiles.resolve(empty.toString())).hasMessageContaining("the folder is empty");
        assertThatThrownBy(() -> InputFiles.resolve("")).hasMessageContaining("input= is empty");
    }

    @Test
    void readsGzippedCsvLikeThePlainFile() throws IOException {
        Path file = gzip("a.csv.gz", "x,y\n1,\"two\nlines\"\n3,4\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "x"), new ExecutionContext());

        assertThat(rows).extracting(r -> r.get("y")).containsExactly("two\nlines", "4");
        assertThat(rows.get(1).record()).isEqualTo(2);
    }

    @Test
    void aLatin1FileStopsNamingTheFileTheRecordAndTheLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        Files.write(file, "name,city\nAna,Porto\nJos\u00e9,S\u00e3o Paulo\n".getBytes(StandardCharsets.ISO_8859_1));

        assertThatThrownBy(() -> readAll(reader(List.of(file), "name"), new ExecutionContext()))
                .isInstanceOf(ItemStreamException.class)
                .hasMessageContaining(file + " is not UTF-8: record 2 (ending on line 3)")
                .hasMessageContaining("rerun=");
    }

    @Test
    void aSemicolonSeparatedHeaderIsNamedAsSuch() throws IOException {
        Path file = write("a.csv", "message_id;waba_id\nw1;100\n");

        assertThatThrownBy(() -> reader(List.of(file), "message_id").open(new ExecutionContext()))
                .isInstanceOf(MissingColumnException.class)
                .hasMessageContaining("'message_id' is missing").hasMessageContaining("looks ';'-separated");
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

    private Path gzip(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }
}
