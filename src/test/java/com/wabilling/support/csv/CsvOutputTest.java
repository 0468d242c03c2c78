package com.wabilling.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvOutputTest {

    @TempDir
    Path dir;

    @Test
    void aFileLeftHalfWrittenByAKilledRunIsReplacedByTheNextWrite() throws Exception {
        // given what a run killed while writing left behind
        Path report = dir.resolve("summary.csv");
        Files.writeString(dir.resolve(".summary.csv.tmp"), "a,b\n1,tru");

        // when the resumed run writes the file
        CsvOutput.write(report, new String[] {"a", "b"}, out -> out.row("1", "2"));

        // then the file is whole and nothing else is left in the folder
        assertThat(Files.readString(report)).isEqualTo("a,b\n1,2\n");
        try (var left = Files.list(dir)) {
            assertThat(left).containsExactly(report);
        }
    }

    @Test
    void aFileThatCannotBeWrittenNamesItselfWhyAndTheSettingToCheck() throws Exception {
        // a regular file where the output folder should be (permission bits would not stop root)
        Files.writeString(dir.resolve("out"), "");
        Path report = dir.resolve("out/invoices/summary.csv");

        assertThatThrownBy(() -> CsvOutput.write(report, new String[] {"a"}, out -> out.row("1")))
                .hasMessage("cannot write " + report + ": Not a directory (" + dir.resolve("out/invoices")
                        + ") — check WA_BILLING_OUTPUT_DIR");
    }

    @Test
    void reportsGetThePermissionsOfAnyNewFileUnderTheUmaskNotPrivateOnes() throws Exception {
        // given what this process's umask gives a plainly created file
        Set<PosixFilePermission> plain = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));

        // when a report is written
        Path report = dir.resolve("sub/report.csv");
        CsvOutput.write(report, new String[] {"a", "b"}, out -> out.row("1", "x,y"));

        // then it has the same permissions (with the usual umask 022: readable by group and others)
        assertThat(Files.getPosixFilePermissions(report)).isEqualTo(plain);
        assertThat(Files.readString(report)).isEqualTo("a,b\n1,\"x,y\"\n");
        try (var left = Files.list(report.getParent())) {
            assertThat(left).as("no temporary file left").containsExactly(report);
        }
    }
}
