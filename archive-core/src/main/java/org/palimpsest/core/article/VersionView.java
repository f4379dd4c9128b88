package org.palimpsest.core.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.diff.Revert;
import org.palimpsest.core.diff.VersionChange;
import org.palimpsest.core.provenance.Interval;

/**
 * One version of an article, with the captures that showed it, and how it differs from the version before it
 * ({@code change}: null for the first), and each return to it after another version ({@code reverts}, oldest first).
 */
public record VersionView(
        UUID versionId, UUID articleId, int versionNumber, String contentSha256, String headline,
        List<String> paragraphs, Instant validFrom, Instant validTo, List<Interval> intervals,
        List<CaptureRef> captures, UUID supersededBy, String changesSincePrevious, VersionChange change,
        List<Revert> reverts) {

    /** The same version with the link to its diff against the version before it on the timeline. */
    public VersionView withChangesSince(UUID previous) {
        return new VersionView(versionId, articleId, versionNumber, contentSha256, headline, paragraphs, validFrom,
                validTo, intervals, captures, supersededBy, "/api/diff?from=" + previous + "&to=" + versionId, change,
                reverts);
    }

    public record CaptureRef(UUID captureId, Instant capturedAt, String rawSha256, String url, boolean newVersion) {
    }
}
