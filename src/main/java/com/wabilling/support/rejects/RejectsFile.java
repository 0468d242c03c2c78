package com.wabilling.support.rejects;

import java.nio.file.Path;

import com.wabilling.support.csv.CsvOutput;

/** Writes {@code rejects/<job>-<execution id>.csv} (docs/formats.md) from the run's ledger. */
public final class RejectsFile {

    private RejectsFile() {
    }

    /** Returns the file written, or null when the run rejected nothing. */
    public static Path write(RunRecords ledger, long runId, Path outputDir, String job, long executionId) {
        if (ledger.rejectCount(runId) == 0) {
            return null;
        }
        Path file = outputDir.resolve("rejects").resolve(job + "-" + executionId + ".csv");
        CsvOutput.write(file, new String[] {"source", "record", "reason", "raw"}, out -> {
            ledger.forEachReject(runId, r -> out.row(r.source(), Long.toString(r.record()), CsvOutput.text(r.reason()), CsvOutput.text(r.raw())));
        });
        return file;
    }
}
