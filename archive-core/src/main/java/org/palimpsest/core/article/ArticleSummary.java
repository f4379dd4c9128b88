package org.palimpsest.core.article;

import java.time.Instant;
import java.util.UUID;

/** An article in a list. */
public record ArticleSummary(
        UUID articleId, String source, String headline, String url, Instant firstCapturedAt, Instant lastCapturedAt,
        int versionCount, int captureCount) {
}
