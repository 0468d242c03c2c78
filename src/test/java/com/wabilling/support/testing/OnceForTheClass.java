package com.wabilling.support.testing;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs a test class's data setup once, before its first test, whichever test JUnit runs first: keyed by the
 * class, so neither the order of the tests nor a Spring context shared with another class skips or repeats it.
 * A setup that failed is not run again (its half-loaded data would fail the next tests for the wrong reason):
 * each later test of the class fails naming it.
 */
public final class OnceForTheClass {

    /** The data setup of a class, as a test method would write it. */
    @FunctionalInterface
    public interface Setup {
        void run() throws Exception;
    }

    private static final Map<Class<?>, Throwable> DONE = new HashMap<>();

    private OnceForTheClass() {
    }

    public static synchronized void run(Class<?> testClass, Setup setup) throws Exception {
        if (DONE.containsKey(testClass)) {
            Throwable failure = DONE.get(testClass);
            if (failure != null) {
                throw new IllegalStateException("the data of " + testClass.getSimpleName()
                        + " failed to load before its first test", failure);
            }
            return;
        }
        try {
            setup.run();
            DONE.put(testClass, null);
        } catch (Exception | Error e) {
            DONE.put(testClass, e);
            throw e;
        }
    }
}
