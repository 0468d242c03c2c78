package com.wabilling.support.csv;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/**
 * Reading a file broke off before its end (a truncated or corrupt .csv.gz, an I/O error): the file is
 * not read completely, so the import fails rather than pass it for imported (docs/architecture.md, "Reading input files").
 */
public class UnreadableFileException extends ItemStreamException {

    public UnreadableFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
