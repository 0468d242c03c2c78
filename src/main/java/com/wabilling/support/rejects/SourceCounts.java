package com.wabilling.support.rejects;

/** Record counts of one input file; every record read is exactly one of the three. */
public record SourceCounts(long accepted, long rejected, long duplicates) {

    public static final SourceCounts ZERO = new SourceCounts(0, 0, 0);
    /** One record, accepted / rejected / a duplicate. */
    public static final SourceCounts ONE_ACCEPTED = new SourceCounts(1, 0, 0);
    public static final SourceCounts ONE_REJECTED = new SourceCounts(0, 1, 0);
    public static final SourceCounts ONE_DUPLICATE = new SourceCounts(0, 0, 1);

    public long read() {
        return accepted + rejected + duplicates;
    }

    public SourceCounts plus(SourceCounts other) {
        return new SourceCounts(accepted + other.accepted, rejected + other.rejected, duplicates + other.duplicates);
    }
}
