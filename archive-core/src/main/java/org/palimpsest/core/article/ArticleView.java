package org.palimpsest.core.article;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An article and its timeline.
 *
 * @param resolvedFrom the superseded article id that was asked for, when re-derivation replaced it by this one
 */
public record ArticleView(
        UUID articleId, String source, String headline, String url, String canonicalUrl, Instant firstCapturedAt,
        Instant lastCapturedAt, int versionCount, int captureCount, List<VersionView> timeline, UUID resolvedFrom) {
}
