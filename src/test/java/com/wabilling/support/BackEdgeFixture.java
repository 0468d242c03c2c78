package com.wabilling.support;

/** Test fixture for ArchitectureTest: a support class depending on ops, which the layers forbid. */
public final class BackEdgeFixture {

    public static String message(Throwable t) {
        return com.wabilling.ops.Executions.time(null) + t;
    }

    private BackEdgeFixture() {
    }
}
