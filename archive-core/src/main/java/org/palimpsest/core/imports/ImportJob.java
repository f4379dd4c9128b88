package org.palimpsest.core.imports;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A WARC or ARC import: records seen, imported as captures, skipped (no capture of text, or archived already), failed
 * (each with its own reason; the others stay), and how it ended.
 *
 * @param status {@code running}, {@code completed}, or {@code failed} (the file broke off, or the archive stopped
 *     while it ran; what came before is kept)
 * @param resynced how often something other than a record (blank lines, junk) was skipped to reach the next record
 * @param bytesRead how far into the file the import has read, of {@code bytesTotal}
 * @param reasons how many records were skipped or failed for each {@link ImportReason}, by its key
 * @param failures which records failed and why (the first {@link #MAX_FAILURES_LISTED}; {@code failed} counts all)
 * @param repairs records read despite a fault of the file (a wrong Content-Length), and what was put right (the first
 *     {@link #MAX_FAILURES_LISTED})
 * @param takeovers how often another node (or this one restarted) took the job over after the node running it stopped
 *     renewing its lease; a job taken over is imported again from the file's start, so the captures imported before
 *     are counted under {@code already-archived}
 */
public record ImportJob(UUID id, String source, String fileName, String status, int seen, int imported, int skipped,
        int failed, int resynced, long bytesRead, long bytesTotal, Map<String, Integer> reasons, String error,
        Instant createdAt, Instant finishedAt, List<RecordFailure> failures, List<RecordRepair> repairs,
        int takeovers) {
    public static final int MAX_FAILURES_LISTED = 1000;

    /** A record that should have been a capture and is not: where it is, what it is, and why. */
    public record RecordFailure(long offset, String recordId, String type, String uri, String reason) {
    }

    /** A record read despite a fault of the file: where it is, what it is, and what reading it put right. */
    public record RecordRepair(long offset, String recordId, String type, String uri, String repair) {
    }
}
