package com.wabilling.messages;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.batch.infrastructure.item.ItemProcessor;

import com.wabilling.support.RejectedRecordException;
import com.wabilling.support.csv.CsvRow;
import com.wabilling.support.rejects.Checked;
import com.wabilling.support.rejects.Reject;

/** Validates and normalises one exported message; runs concurrently (it holds no mutable state). */
public class MessageImportProcessor implements ItemProcessor<CsvRow, Checked<ExportedMessage>> {

    /** How far a time may lie after the run's start (clocks of exporting systems drift). */
    public static final Duration CLOCK_SKEW_TOLERANCE = Duration.ofMinutes(5);

    private final Instant latest;

    /** Times later than the run's start (from the injected clock) plus the tolerance are rejected. */
    public MessageImportProcessor(Clock clock) {
        this.latest = clock.instant().plus(CLOCK_SKEW_TOLERANCE);
    }

    @Override
    public Checked<ExportedMessage> process(CsvRow row) {
        try {
            return new Checked.Accepted<>(MessageRowMapper.map(row, latest), row);
        } catch (RejectedRecordException e) {
            return new Checked.Rejected<>(Reject.of(row, e.getMessage()));
        }
    }
}
