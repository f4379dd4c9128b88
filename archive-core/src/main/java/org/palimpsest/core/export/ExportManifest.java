package org.palimpsest.core.export;

import java.time.Instant;

/**
 * What a payload is, for a methods section: the query, when it was taken, counts, and the SHA-256 of every payload
 * byte before the manifest line.
 */
public record ExportManifest(String format, ExportQuery query, Instant takenAt, long records, long captures,
        String payloadSha256, String normaliserVersion) {
}
