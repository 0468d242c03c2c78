package com.wabilling.messages;

/**
 * Customers are spread over a fixed number of buckets at import; reconstruction partitions work
 * by bucket. A scope always has one customer, so it always lies in one bucket.
 */
public final class Buckets {

    public static final int COUNT = 64;

    private Buckets() {
    }

    public static int of(String customerWaId) {
        return Math.floorMod(customerWaId.hashCode(), COUNT);
    }
}
