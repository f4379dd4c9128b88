package org.palimpsest.bench.scale;

import java.util.Arrays;
import java.util.function.LongSupplier;

/** Latency samples in nanoseconds, with percentiles. */
final class Stats {
    private long[] samples = new long[256];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    /** Times {@code work} once and keeps the time. */
    long time(LongSupplier work) {
        long t0 = System.nanoTime();
        long result = work.getAsLong();
        add(System.nanoTime() - t0);
        return result;
    }

    int count() {
        return size;
    }

    /** The p-th percentile in milliseconds (nearest rank). */
    double pMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size) - 1;
        return sorted[Math.max(0, Math.min(size - 1, rank))] / 1e6;
    }
}
