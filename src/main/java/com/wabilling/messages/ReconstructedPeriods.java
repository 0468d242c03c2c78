package com.wabilling.messages;

import java.time.LocalDate;
import java.util.List;

/**
 * The periods reconstruction recorded, as the import asks for them: their owner (the period registry of
 * {@code conversations}) sits above this package and implements this (docs/architecture.md, "Who owns which table").
 */
public interface ReconstructedPeriods {

    /** A recorded period, as its reconstruct parameters. */
    record Span(String scopeMode, LocalDate from, LocalDate to) {
    }

    /** Every recorded period of every scope mode, by mode then start. */
    List<Span> allRecorded();
}
