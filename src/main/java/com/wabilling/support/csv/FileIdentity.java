package com.wabilling.support.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which file a reader read, as saved for restart: its path, size and modification time. A restart
 * compares them with the file as it is now, so a changed file is never resumed at an old position.
 */
record FileIdentity(String path, long size, long modifiedMillis) {

    static FileIdentity of(Path file) {
        try {
            return new FileIdentity(file.toString(), Files.size(file), Files.getLastModifiedTime(file).toMillis());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** One line for the execution context: {@code size modified path}. */
    String saved() {
        return size + " " + modifiedMillis + " " + path;
    }

    static FileIdentity parse(String saved) {
        String[] parts = saved.split(" ", 3);
        return new FileIdentity(parts[2], Long.parseLong(parts[0]), Long.parseLong(parts[1]));
    }
}
