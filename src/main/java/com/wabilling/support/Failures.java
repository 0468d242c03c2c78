package com.wabilling.support;

import java.util.Optional;

/** What went wrong, said once for the whole suite: the root cause of an exception chain and its message. */
public final class Failures {

    private Failures() {
    }

    public static Throwable rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
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
