package com.wabilling.messages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;

import com.wabilling.support.csv.FileFingerprint;
import com.wabilling.support.csv.InputFiles;

/**
 * An import's input as it is now, split into the files whose content an earlier import read
 * completely and the files still to import (docs/operations.md, "Folders grow"). The launcher asks
 * this when the same import command already completed: new files start a new run, keyed by their
 * content, so that a failed one resumes under the same key.
 */
public record ExportFolder(List<String> imported, List<Path> fresh, String freshKey) {

    public static ExportFolder of(String input, ImportedFiles importedFiles) {
        List<String> imported = new ArrayList<>();
        List<Path> fresh = new ArrayList<>();
        StringBuilder contents = new StringBuilder();
        for (Path file : InputFiles.resolve(input)) {
            FileFingerprint fingerprint = FileFingerprint.of(file);
            java.util.Optional<ImportedFiles.Imported> before = importedFiles.find(fingerprint);
            if (before.isEmpty()) {
                fresh.add(file);
                contents.append(fingerprint.sha256()).append(' ').append(fingerprint.size()).append('\n');
            } else {
                imported.add(file.getFileName() + ": " + before.get());
            }
        }
        return new ExportFolder(List.copyOf(imported), List.copyOf(fresh),
                fresh.isEmpty() ? "" : DigestUtils.sha256Hex(contents.toString()).substring(0, 16));
    }

    public boolean hasNewFiles() {
        return !fresh.isEmpty();
    }
}
