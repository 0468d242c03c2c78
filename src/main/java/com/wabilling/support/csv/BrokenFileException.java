package com.wabilling.support.csv;

import com.wabilling.support.Refusal;

/** An input file that cannot be read as a whole (empty, no readable header, not UTF-8): a person must replace it. */
public class BrokenFileException extends Refusal {

    public BrokenFileException(String message) {
        super(message, "replace the file named above with a corrected export (or move it out of the input folder),"
                + " then run the same command again");
    }
}
