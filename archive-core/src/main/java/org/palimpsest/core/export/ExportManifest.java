package org.palimpsest.core.export;

import java.time.Instant;

/**
 * What an export is, for a methods section: its id, the query, when it was taken, counts, and the SHA-256 of its
 * payload (every byte of the records as sent, or of the format's data file). Kept by {@link ExportManifests}, so it
 * can be cited and fetched by its id after the stream has ended.
 */
public record ExportManifest(String exportId, String format, ExportQuery query, Instant takenAt, long records,
        long captures, String payloadSha256, String normaliserVersion) {
}
