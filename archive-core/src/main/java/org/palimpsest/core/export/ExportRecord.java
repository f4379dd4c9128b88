package org.palimpsest.core.export;

import java.time.Instant;
import java.util.List;

/** One version with its text, validity and captures, as exported: everything a citation needs. */
public record ExportRecord(
        String articleId, String versionId, int versionNumber, String contentSha256, String headline, String text,
        String source, String url, String canonicalUrl, Instant validFrom, Instant validTo, List<Capture> captures) {

    /** A capture of the version with its digests and the normaliser and template versions that read it. */
    public record Capture(String captureId, Instant capturedAt, String rawSha256, String normaliserVersion,
            Integer templateVersion) {
    }
}
