package org.palimpsest.indexer.outbox;

import java.time.Duration;
import java.time.Instant;

/**
 * The outbox as operators see it.
 *
 * @param backlog events not yet indexed
 * @param oldestPending when the oldest of them was written, or null
 * @param lag how long the oldest has waited, or zero
 * @param failing events that failed at least once and wait for a retry
 * @param lastError the latest error of a pending event, or null
 * @param deadLetters events set aside after their last attempt ({@code POST /api/admin/indexing/retry} queues them)
 * @param lastDeadLetter the error of the latest of them, or null
 */
public record IndexingStatus(long backlog, Instant oldestPending, Duration lag, long failing, String lastError,
        long deadLetters, String lastDeadLetter) {
}
