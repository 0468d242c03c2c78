package com.wabilling.support.csv;

/** A required column is absent: the whole file is unusable, so the job stops (formats.md). */
public class MissingColumnException extends RuntimeException {

    public MissingColumnException(String source, String column) {
        this(source, column, "");
    }

    public MissingColumnException(String source, String column, String hint) {
        super("required column '" + column + "' is missing in " + source + hint);
    }
}
