package org.palimpsest.core.diff;

import java.time.Duration;

/** When a comparison gives up: {@link #NONE} never does; {@link #in} once a time budget is spent. */
public final class Deadline {
    public static final Deadline NONE = new Deadline(null);

    private final Duration budget;
    private final long endNanos;

    private Deadline(Duration budget) {
        this.budget = budget;
        this.endNanos = budget == null ? 0 : System.nanoTime() + budget.toNanos();
    }

    public static Deadline in(Duration budget) {
        return new Deadline(budget);
    }

    /** Throws {@link OutOfTime} once the budget is spent. */
    void check() {
        if (budget != null && System.nanoTime() - endNanos > 0) {
            throw new OutOfTime(budget);
        }
    }

    /** A comparison that ran past its time budget and was abandoned. */
    public static final class OutOfTime extends RuntimeException {
        OutOfTime(Duration budget) {
            super("the comparison took longer than " + budget.toMillis() + " ms", null, false, false);
        }
    }
}
