package org.palimpsest.core.capture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.palimpsest.core.store.AfterCommit;

/**
 * Wakes this node's {@link InboxDrain} when a transaction that accepted a capture commits, so that a capture is placed
 * within a round's time of its answer, not a poll interval's. Captures accepted by other nodes are found by the poll.
 */
@ApplicationScoped
public class InboxWakeUp {
    private final Semaphore signal = new Semaphore(0);
    private final TransactionSynchronizationRegistry transactions;

    public InboxWakeUp(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** Inside a transaction: wakes the drain once it has committed. */
    void afterCommit() {
        AfterCommit.run(transactions, () -> {
            if (signal.availablePermits() == 0) {
                signal.release();
            }
        });
    }

    /** Waits for a wake-up or {@code most}, whichever comes first, and takes every wake-up given meanwhile. */
    void await(Duration most) throws InterruptedException {
        if (signal.tryAcquire(most.toNanos(), TimeUnit.NANOSECONDS)) {
            signal.drainPermits();
        }
    }
}
