package org.palimpsest.core.provenance;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.palimpsest.core.decode.BodySource;
import org.palimpsest.core.decode.PageMetadata;
import org.palimpsest.core.normalize.RemovedLine;

/**
 * How a capture was read, stored with the capture and shown in its provenance.
 *
 * @param normaliserVersion the normaliser that produced it
 * @param templateVersion the source template version applied
 * @param templateDigest the digest of that template
 * @param decoding how the bytes became text
 * @param page what an HTML page says of itself (headline, dates, authors, language, canonical address, section),
 *     each fact with where it was found; null for plain text and for captures read before it was kept
 * @param body which extractor rule gave an HTML page's body, from which elements; null for plain text and for
 *     captures read before it was kept
 * @param headline the headline found
 * @param contentSha256 the digest of the normalised content
 * @param removedLines the chrome taken out, each with its reason
 * @param identity how the capture was attached to its article
 * @param version whether it made a new version or revisited one
 * @param rederivations earlier readings that a template change replaced
 */
public record DerivationRecord(
        String normaliserVersion, int templateVersion, String templateDigest, Decoding decoding, PageMetadata page,
        BodySource body, String headline,
        String contentSha256, List<RemovedLine> removedLines, Identity identity, VersionDecision version,
        List<Rederivation> rederivations) {

    /** The same reading stamped with another template of the source, one that reads the capture the same. */
    public DerivationRecord withTemplate(int templateVersion, String templateDigest) {
        return new DerivationRecord(normaliserVersion, templateVersion, templateDigest, decoding, page, body, headline,
                contentSha256, removedLines, identity, version, rederivations);
    }

    public record Decoding(String charset, String charsetSource, int malformedInputs, String header) {
    }

    /** How the capture was attached to its article; a similarity match names the capture it matched. */
    public record Identity(IdentityKind decision, String urlKey, Double score, String matchedCaptureId) {
    }

    /** Whether the capture made its version or revisited it; either way it names the version. */
    public record VersionDecision(VersionKind decision, String versionId, int versionNumber, String contentSha256) {
    }

    /** The identity decisions, stored and served as {@code url}, {@code similarity} or {@code new}. */
    public enum IdentityKind {
        URL, SIMILARITY, NEW;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The decision a stored {@link #json} value names (null for null). */
        public static IdentityKind of(String json) {
            return json == null ? null : valueOf(json.toUpperCase(Locale.ROOT));
        }
    }

    /** The version decisions, stored and served as {@code new} or {@code revisit}. */
    public enum VersionKind {
        NEW, REVISIT;

        @JsonValue
        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The decision a stored {@link #json} value names (null for null). */
        public static VersionKind of(String json) {
            return json == null ? null : valueOf(json.toUpperCase(Locale.ROOT));
        }
    }

    /** A re-reading of the capture after the source's template changed. */
    public record Rederivation(
            Instant at, int templateVersion, String oldContentSha256, String newContentSha256,
            String oldVersionId, String newVersionId) {
    }
}
