package com.wabilling.support.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files of a folder an input reads, and the names it refuses (docs/operations.md, "File names and the locale"). */
class InputFilesTest {

    @TempDir
    Path folder;

    @Test
    void aFolderIsReadInNameOrderCsvFilesOnly() throws Exception {
        Files.writeString(folder.resolve("b.csv"), "");
        Files.writeString(folder.resolve("a.csv.gz"), "");
        Files.writeString(folder.resolve("notes.txt"), "");

        assertThat(InputFiles.resolve(folder.toString())).extracting(p -> p.getFileName().toString())
                .containsExactly("a.csv.gz", "b.csv");
    }

    @Test
    void aFileWhoseNameIsNotInTheEncodingOfFileNamesIsRefusedByName() throws Exception {
        Files.writeString(folder.resolve("good.csv"), "");
        // Latin-1 bytes, valid in no UTF-8 and no ASCII locale; Java cannot write such a name, the shell can
        Process touch = new ProcessBuilder("sh", "-c", "touch \"$0/$(printf 'exporta\\347\\343o.csv')\"",
                folder.toString()).inheritIO().start();
        assertThat(touch.waitFor()).isZero();

        assertThatThrownBy(() -> InputFiles.resolve(folder.toString()))
                .isInstanceOf(InputFiles.UnnameableFileException.class)
                .hasMessageContaining(folder.resolve("exporta").toString()).hasMessageContaining("whose name is not valid")
                .hasMessageContaining("rename it");
    }
}
