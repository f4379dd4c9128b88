package org.palimpsest.core.imports;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A WARC import: records seen, imported as captures, skipped (not a text capture, or already archived), failed
 * (refused, each with its own transaction so the others stay), and how it ended.
 *
 * @param status {@code running}, {@code completed}, or {@code failed} (the file broke off; what came before is kept)
 * @param failures which records failed and why (the first {@link #MAX_FAILURES_LISTED}; {@code failed} counts all)
 */
public record ImportJob(UUID id, String source, String status, int seen, int imported, int skipped, int failed,
        String error, Instant createdAt, Instant finishedAt, List<RecordFailure> failures) {
    public static final int MAX_FAILURES_LISTED = 100;

    /** A record that was not stored: its WARC-Record-ID and the reason, as the API would have said it. */
    public record RecordFailure(String record, String detail) {
    }
}
