package com.wabilling.support;

/**
 * A job stopped for something a person must fix or decide, carrying the one step that fixes it
 * (docs/operations.md, "Non-zero exits"): the launcher prints that step instead of the generic
 * "run the same command again", which cannot help here.
 */
public class Refusal extends IllegalStateException {

    private final String nextStep;

    public Refusal(String message, String nextStep) {
        super(message);
        this.nextStep = nextStep;
    }

    public String nextStep() {
        return nextStep;
    }

    /** The usual step after a reference file was fixed: the same command resumes. */
    public static String fixThenSameCommand(String what) {
        return "fix " + what + ", then run the same command again (it resumes from its last commit)";
    }
}
