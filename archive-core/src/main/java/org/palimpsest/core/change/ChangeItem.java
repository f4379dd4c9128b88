package org.palimpsest.core.change;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.normalize.EditorialNotice;

/**
 * One version change: the version, when it was first seen, how it differs from the one before, and its diff; or,
 * with {@code revert}, the article going back to an earlier version at {@code firstSeen}, compared with the version
 * it went back from ({@code previousVersionId}).
 */
public record ChangeItem(UUID articleId, UUID versionId, int versionNumber, String previousVersionId, String headline,
        Instant firstSeen, List<ChangeKind> kinds, boolean stealth, List<EditorialNotice> notices, int inserted,
        int deleted, String source, String url, String diff, boolean revert) {
}
