package org.palimpsest.core.diff;

import java.util.List;
import org.palimpsest.core.normalize.EditorialNotice;

/**
 * How a version differs from the one before it on its article's timeline.
 *
 * @param kinds what changed, in {@link ChangeKind} order
 * @param stealth a substantive change without a notice appearing or changing in the same version
 * @param notices the editorial notices the version holds
 * @param inserted words inserted
 * @param deleted words deleted
 * @param previousVersionId the version it is compared with
 */
public record VersionChange(List<ChangeKind> kinds, boolean stealth, List<EditorialNotice> notices, int inserted,
        int deleted, String previousVersionId) {
}
