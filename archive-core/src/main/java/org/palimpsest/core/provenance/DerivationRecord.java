package org.palimpsest.core.provenance;

import java.time.Instant;
import java.util.List;
import org.palimpsest.core.normalize.RemovedLine;

/**
 * How a capture was read, stored with the capture and shown in its provenance.
 *
 * @param normaliserVersion the normaliser that produced it
 * @param templateVersion the source template version applied
 * @param templateDigest the digest of that template
 * @param decoding how the bytes became text
 * @param headline the headline found
 * @param contentSha256 the digest of the normalised content
 * @param removedLines the chrome taken out, each with its reason
 * @param identity how the capture was attached to its article
 * @param version whether it made a new version or revisited one
 * @param rederivations earlier readings that a template change replaced
 */
public record DerivationRecord(
        String normaliserVersion, int templateVersion, String templateDigest, Decoding decoding, String headline,
        String contentSha256, List<RemovedLine> removedLines, Identity identity, VersionDecision version,
        List<Rederivation> rederivations) {

    public record Decoding(String charset, String charsetSource, int malformedInputs, String header) {
    }

    /** {@code decision} is {@code url}, {@code similarity} or {@code new}. */
    public record Identity(String decision, String urlKey, Double score, String matchedCaptureId) {
    }

    /** {@code decision} is {@code new} or {@code revisit}; a revisit names the version it saw again. */
    public record VersionDecision(String decision, String versionId, int versionNumber, String contentSha256) {
    }

    /** A re-reading of the capture after the source's template changed. */
    public record Rederivation(
            Instant at, int templateVersion, String oldContentSha256, String newContentSha256,
            String oldVersionId, String newVersionId) {
    }
}
