package org.palimpsest.core.article;

import java.time.Instant;
import java.util.UUID;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.provenance.DerivationRecord;

/** A capture with its full provenance, as clients see it. */
public record CaptureView(
        UUID captureId, String source, String url, String canonicalUrl, Instant capturedAt, Instant ingestedAt,
        String rawSha256, long rawSize, String contentType, UUID articleId, UUID versionId, Integer versionNumber,
        boolean newVersion, Provenance provenance) {

    /**
     * Where the capture came from, when, what it is, and how it was read.
     *
     * @param capturedAtOrigin whether the capture time was given, read from a header in the capture, or the time of ingest
     */
    public record Provenance(
            CaptureOrigin origin, String capturedAtOrigin, Digests digests, String normaliserVersion,
            Integer templateVersion, String templateDigest, DerivationRecord.Decoding decoding,
            org.palimpsest.core.decode.PageMetadata page, org.palimpsest.core.decode.BodySource body,
            java.util.List<org.palimpsest.core.normalize.RemovedLine> removedLines, DerivationRecord.Identity identity,
            DerivationRecord.VersionDecision version, java.util.List<DerivationRecord.Rederivation> rederivations) {
    }

    public record Digests(String rawSha256, String contentSha256) {
    }
}
