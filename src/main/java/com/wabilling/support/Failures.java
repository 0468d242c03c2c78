package com.wabilling.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** What went wrong, said once for the whole suite: the root cause of an exception chain and its message. */
public final class Failures {

    /** What an IOException says when the disk is full; HSQLDB says the second when its data file cannot grow. */
    private static final String NO_SPACE = "No space left on device";
    private static final String HSQLDB_FULL = "Data File size limit is reached";

    private Failures() {
    }

    /**
     * An exception whose message already says everything an operator needs (what, where, why, what to
     * check): reports stop at it instead of at its cause, which stays in the log.
     */
    public interface Said {
    }

    /** A file that could not be written: names the file, why, and the setting to check (docs/operations.md). */
    public static final class CannotWrite extends UncheckedIOException implements Said {
        private final transient Path file;

        public CannotWrite(Path file, String check, IOException cause) {
            super("cannot write " + file + ": " + why(cause, file) + " — " + check, cause);
            this.file = file;
        }

        public Path file() {
            return file;
        }
    }

    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (!(root instanceof Said) && root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    /**
     * What went wrong in the operator's words: the message of the deepest exception of this suite in
     * the chain (it names the file, record or period), else the root cause's message after the outer
     * message when that one adds context.
     */
    public static String rootMessage(Throwable t) {
        Throwable root = rootCause(t);
        String message = root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
        Throwable ours = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getName().startsWith("com.wabilling.") && c.getMessage() != null) {
                ours = c;
            }
        }
        if (ours != null) {
            return ours == root || ours.getMessage().contains(message) ? ours.getMessage()
                    : ours.getMessage() + " (" + message + ")";
        }
        return root == t || t.getMessage() == null || t.getMessage().contains(message) ? message
                : t.getMessage() + ": " + message;
    }

    /**
     * What a failure means for an operator: "disk full at ..." when a disk filled up somewhere in the
     * chain, otherwise {@link #rootMessage}. {@code database} says where the database keeps its files
     * (the embedded database's data directory), for a database that does not name the file it failed on.
     */
    public static String reason(Throwable t, String database) {
        return diskFull(t, database).orElseGet(() -> rootMessage(t));
    }

    /** "disk full at <where>" when the chain holds "No space left on device" or HSQLDB's data-file message. */
    public static Optional<String> diskFull(Throwable t, String database) {
        boolean noSpace = false;
        boolean hsqldbFull = false;
        String where = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String message = String.valueOf(c.getMessage());
            noSpace |= message.contains(NO_SPACE);
            hsqldbFull |= message.contains(HSQLDB_FULL);
            if (where == null && c instanceof CannotWrite w) {
                where = w.file().toString();
            } else if (where == null && c instanceof FileSystemException f && f.getFile() != null) {
                where = f.getFile();
            }
        }
        if (hsqldbFull) {
            return Optional.of("disk full at " + database + " (the embedded database could not grow its data file: "
                    + HSQLDB_FULL + "): free space there");
        }
        return noSpace ? Optional.of("disk full at " + (where != null ? where : database) + " (" + NO_SPACE
                + "): free space there") : Optional.empty();
    }

    /**
     * Why a file operation on {@code subject} failed, in words (the exception's own message is often
     * only the path), naming the path it failed on when that is another one (a parent, a probe file).
     */
    public static String why(IOException e, Path subject) {
        String file = e instanceof FileSystemException f && f.getFile() != null
                && !Path.of(f.getFile()).equals(subject) ? " (" + f.getFile() + ")" : "";
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason() + file;
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory, and it cannot be created" + file;
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied" + file;
        }
        if (e instanceof FileAlreadyExistsException) {
            return "a file that is not a directory is in the way" + file;
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }

    /** The first exception of that type in the chain. */
    public static <T extends Throwable> Optional<T> find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return Optional.of(type.cast(c));
            }
        }
        return Optional.empty();
    }
}
