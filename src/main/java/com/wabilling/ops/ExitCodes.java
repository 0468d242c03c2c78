package com.wabilling.ops;

/** Exit codes of the launcher (docs/operations.md). */
public final class ExitCodes {

    public static final int OK = 0;
    /** The job failed; stderr has the reason and the execution id. */
    public static final int FAILED = 1;
    public static final int USAGE = 2;
    /** Nothing done: that exact run already completed (use rerun=). */
    public static final int ALREADY_COMPLETED = 3;
    /** Nothing done: the same job is running right now. */
    public static final int ALREADY_RUNNING = 4;

    private ExitCodes() {
    }
}
