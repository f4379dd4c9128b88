package org.palimpsest.api;

import java.time.Duration;
import java.util.function.Supplier;

/** Waits for asynchronous work (the outbox, index refreshes) with a deadline, failing with what was last seen. */
public final class Eventually {
    private Eventually() {
    }

    public static <T> T await(Duration timeout, Supplier<T> probe, java.util.function.Predicate<T> done, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = null;
        while (System.nanoTime() < deadline) {
            last = probe.get();
            if (done.test(last)) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("timed out after " + timeout + " waiting for " + what + "; last seen: " + last);
    }
}
