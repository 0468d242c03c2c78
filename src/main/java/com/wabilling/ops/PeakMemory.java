package com.wabilling.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * For the benchmark: with WA_BILLING_REPORT_PEAK_RSS set, prints this process's peak resident set
 * size (Linux VmHWM) on stderr at exit, so jobs/benchmark needs no external tool.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    public static void reportIfAsked() {
        if (System.getenv("WA_BILLING_REPORT_PEAK_RSS") == null) {
            return;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    System.err.println("peak-rss-kb " + line.substring(6).replace("kB", "").strip());
                }
            }
        } catch (IOException e) {
            System.err.println("peak-rss-kb unknown");
        }
    }
}
