package com.wabilling.support.csv;

/** A required column is absent: the whole file is unusable, so the job stops (docs/formats.md). */
public class MissingColumnException extends com.wabilling.support.Refusal {

    public MissingColumnException(String source, String column) {
        this(source, column, "");
    }

    public MissingColumnException(String source, String column, String hint) {
        super("required column '" + column + "' is missing in " + source + hint, "export " + source
                + " again with the column named above (docs/formats.md), then run the same command again");
    }
}
