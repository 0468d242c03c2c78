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
        assertThat(rows.get(1).malformed()).startsWith("unterminated quote");
        assertThat(rows.get(1).record()).isEqualTo(2);
    }

    @Test
    void aStrayQuoteRejectsOnlyItsOwnLineAndReadingGoesOnWithTheNextLine() throws IOException {
        StringBuilder csv = new StringBuilder("a,b,c\n");
        for (int i = 1; i <= 9; i++) {
            csv.append(i == 5 ? "5,\"oops,x\n" : i + ",b" + i + ",c" + i + "\n");
        }
        Path file = write("a.csv", csv.toString());

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::record).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(rows).filteredOn(CsvRow::isMalformed).singleElement().satisfies(r -> {
            assertThat(r.record()).isEqualTo(5);
            assertThat(r.malformed()).startsWith("unterminated quote");
        });
        assertThat(rows.subList(5, 9)).extracting(r -> r.get("a") + "/" + r.get("c"))
                .containsExactly("6/c6", "7/c7", "8/c8", "9/c9");
    }

    @Test
    void aStrayQuoteThatALaterQuoteSeemsToCloseStillRejectsOnlyItsLine() throws IOException {
        Path file = write("a.csv", "a,b,c\n1,x,y\n2,\"oops,y\n3,x,y\n4,\"quoted, fine\",z\n5,\"5\"\" inch\",z\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::isMalformed).containsExactly(false, true, false, false, false);
        assertThat(rows.get(1).malformed()).startsWith("unterminated quote");
        assertThat(rows.get(3).get("b")).isEqualTo("quoted, fine");
        assertThat(rows.get(4).get("b")).isEqualTo("5\" inch");
        assertThat(rows.get(4).record()).isEqualTo(5);
    }

    @Test
    void aClosingQuoteFollowedByTextIsOneRejectAndReadingGoesOn() throws IOException {
        Path file = write("a.csv", "a,b\n\"x\"y,1\n2,3\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::isMalformed).containsExactly(true, false);
        assertThat(rows.get(0).malformed()).contains("field 1").contains("not a comma");
        assertThat(rows.get(1).get("b")).isEqualTo("3");
    }

    @Test
    void aQuotedFieldSpansAtMostTheBoundOfLines() throws IOException {
        String within = "\"" + "l\n".repeat(CsvRecords.MAX_RECORD_LINES - 1) + "end\"";
        String beyond = "\"" + "l\n".repeat(CsvRecords.MAX_RECORD_LINES) + "end\"";
        Path file = write("a.csv", "a,b\n" + within + ",1\n" + beyond + ",2\n3,4\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows.get(0).isMalformed()).isFalse();
        assertThat(rows.get(0).getExact("a")).hasSize(2 * (CsvRecords.MAX_RECORD_LINES - 1) + 3);
        assertThat(rows.get(1).malformed()).startsWith("unterminated quote");
        // the 501 lines of the refused field: its first line is the reject, the 499 lines "l" and the line
        // 'end",2' after it are records of their own; the last record is intact
        assertThat(rows).hasSize(1 + 1 + (CsvRecords.MAX_RECORD_LINES - 1) + 1 + 1);
        assertThat(rows.get(rows.size() - 1).get("b")).isEqualTo("4");
        assertThat(rows.get(rows.size() - 1).record()).isEqualTo(rows.size());
    }

    @Test
    void aRecordLongerThanTheBoundIsRejectedAndTheNextIsRead() throws IOException {
        Path file = write("a.csv", "a,b\n1," + "x".repeat(CsvRecords.MAX_RECORD_CHARS) + "\n2,3\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::isMalformed).containsExactly(true, false);
        assertThat(rows.get(0).malformed()).contains("longer than 65536 characters");
        assertThat(rows.get(1).get("b")).isEqualTo("3");
    }

    @Test
    void aHugeFieldFromASmallGzipIsRejectedWithoutBeingHeld() throws IOException {
        // 256 MiB of one quoted field compress to a few hundred KiB; reading it must not hold it
        Path file = dir.resolve("huge.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write("a,b\n1,\"".getBytes(StandardCharsets.UTF_8));
            byte[] block = "y".repeat(1 << 20).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 256; i++) {
                out.write(block);
            }
            out.write("\"\n2,3\n".getBytes(StandardCharsets.UTF_8));
        }

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(CsvRow::isMalformed).containsExactly(true, false);
        assertThat(rows.get(0).malformed()).contains("longer than 65536 characters");
        assertThat(rows.get(0).raw().length()).isLessThanOrEqualTo(CsvRecords.MAX_RECORD_CHARS + 10);
        assertThat(rows.get(1).get("b")).isEqualTo("3");
    }

    @Test
    void aTruncatedGzipStopsTheReadNamingTheFileTheRecordAndTheBytesLeft() throws IOException {
        StringBuilder csv = new StringBuilder("a,b\n");
        for (int i = 1; i <= 20_000; i++) {
            csv.append(i).append(",value number ").append(i * 7919L % 100_003).append('\n');
        }
        Path full = gzip("full.csv.gz", csv.toString());
        byte[] bytes = Files.readAllBytes(full);
        Path cut = Files.write(dir.resolve("cut.csv.gz"), java.util.Arrays.copyOf(bytes, bytes.length / 2));
        CsvFilesReader reader = reader(List.of(cut), "a");
        reader.open(new ExecutionContext());
        List<CsvRow> read = new ArrayList<>();

        assertThatThrownBy(() -> {
            for (CsvRow row = reader.read(); row != null; row = reader.read()) {
                read.add(row);
            }
        }).isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(cut.toString())
                .hasMessageContaining("reading stopped in record " + (read.size() + 1))
                .hasMessageContaining("compressed file is truncated/corrupt at byte " + bytes.length / 2 + " of "
                        + bytes.length / 2)
                .hasMessageContaining("rerun=");
        assertThat(read).noneMatch(CsvRow::isMalformed).extracting(CsvRow::record)
                .as("every whole record before the cut").hasSize((int) completeLines(java.util.Arrays.copyOf(bytes,
                        bytes.length / 2)) - 1);
    }

    @Test
    void aHeaderWiderThanTheBoundIsRefusedNamingTheFile() throws IOException {
        StringBuilder header = new StringBuilder("a");
        for (int i = 2; i <= CsvRecords.MAX_COLUMNS + 1; i++) {
            header.append(",c").append(i);
        }
        Path file = write("wide.csv", header + "\n1\n");
        Path fits = write("fits.csv", header.substring(0, header.lastIndexOf(",")) + "\n1\n");

        assertThatThrownBy(() -> reader(List.of(file), "a").open(new ExecutionContext()))
                .isInstanceOf(BrokenFileException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("201 columns")
                .hasMessageContaining("at most 200");
        assertThat(readAll(reader(List.of(fits), "a"), new ExecutionContext())).singleElement()
                .satisfies(r -> assertThat(r.malformed()).contains("1 fields where the header has 200"));
    }

    @Test
    void lineBreaksOfEveryKindEndRecordsAndStayInsideQuotedFields() throws IOException {
        Path file = write("a.csv", "a,b\r\n1,\"x\r\ny\"\r\n2,3\r4,\"\"\r\n\r\n5,\n");

        List<CsvRow> rows = readAll(reader(List.of(file), "a"), new ExecutionContext());

        assertThat(rows).extracting(r -> r.getExact("a") + "|" + r.getExact("b"))
                .containsExactly("1|x\r\ny", "2|3", "4|", "5|");
        assertThat(rows).noneMatch(CsvRow::isMalformed);
    }

    @Test
    void resumingAfterAStrayQuoteKeepsTheRecordNumbers() throws IOException {
        Path file = write("a.csv", "a,b\n1,x\n2,\"oops\n3,x\n4,x\n5,x\n");
        ExecutionContext context = new ExecutionContext();
        CsvFilesReader first = reader(List.of(file), "a");
        first.open(context);
        first.read();
        first.read();
        first.read(); // "3"
        first.update(context);
        first.close();

        List<CsvRow> rest = readAll(reader(List.of(file), "a"), context);

        assertThat(rest).extracting(r -> r.record() + ":" + r.get("a")).containsExactly("4:4", "5:5");
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
        // A late export that sorts before the file being read when the run failed
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

        assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(BrokenFileException.class)
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
                .isInstanceOf(BrokenFileException.class)
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

    /** Line breaks in what a cut gzip still gives, read byte by byte up to the cut. */
    private static long completeLines(byte[] cutGzip) throws IOException {
        long lines = 0;
        try (var in = new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(cutGzip))) {
            for (int b = in.read(); b >= 0; b = in.read()) {
                lines += b == '\n' ? 1 : 0;
            }
        } catch (java.io.EOFException expected) {
            // the cut
        }
        return lines;
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
