package com.wabilling.support.csv;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.commons.codec.digest.DigestUtils;

/**
 * A file's content as an import remembers it: SHA-256 of its bytes as stored (a
 * .csv.gz file by its compressed bytes), its size, and, to tell later that it is still the file
 * that was read, its modification time and path. Content, never the folder's name, decides
 * whether a file was imported before.
 */
public record FileFingerprint(String sha256, long size, long modifiedMillis, String path) {

    public static FileFingerprint of(Path file) {
        FileIdentity identity = FileIdentity.of(file);
        try (InputStream in = Files.newInputStream(file)) {
            return new FileFingerprint(DigestUtils.sha256Hex(in), identity.size(), identity.modifiedMillis(),
                    identity.path());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** True while the file at the path still has the size and modification time it had when hashed. */
    public boolean stillTheSameFile() {
        Path file = Path.of(path);
        return Files.isRegularFile(file) && FileIdentity.of(file).equals(new FileIdentity(path, size, modifiedMillis));
    }

    public String fileName() {
        return Path.of(path).getFileName().toString();
    }

    /** One line for the execution context: {@code sha256 size modified path}. */
    public String saved() {
        return sha256 + " " + size + " " + modifiedMillis + " " + path;
    }

    public static FileFingerprint parse(String saved) {
        String[] parts = saved.split(" ", 4);
        return new FileFingerprint(parts[0], Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]);
    }
}
