package org.palimpsest.indexer.index;

import java.time.Instant;
import java.util.List;

/**
 * One version as Elasticsearch holds it; its id is the version id, so indexing is idempotent.
 *
 * @param validity the version's validity intervals, a {@code date_range} field: "as of T" is a range query
 * @param current whether this is the version the archive holds now
 * @param changeKinds how it differs from the version before it (empty for the first)
 * @param stealth whether that was a substantive change without a notice (null for the first)
 */
public record VersionDocument(
        String versionId, String articleId, String source, String url, String canonicalUrl, String headline,
        String body, String contentSha256, int versionNumber, Instant validFrom, Instant validTo,
        List<Validity> validity, boolean current, int captureCount, Instant firstCapturedAt, Instant lastCapturedAt,
        List<String> changeKinds, Boolean stealth) {

    /**
     * About how many bytes the document takes in a bulk request: its text (a character is one byte in most news
     * text, escapes and other scripts take more, which the fixed part and the limit's margin absorb) and the rest.
     */
    public long estimatedBytes() {
        return 1_024L + length(body) + length(headline) + length(url) + length(canonicalUrl) + 64L * validity.size();
    }

    private static long length(String s) {
        return s == null ? 0 : s.length();
    }

    /** A {@code [gte, lt)} interval; {@code lt} is null while open. */
    public record Validity(Instant gte, Instant lt) {
    }
}
