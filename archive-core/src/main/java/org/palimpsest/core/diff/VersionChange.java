package org.palimpsest.core.diff;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param dateModifiedUnchanged a second signal of a stealth edit: true when the content changed while the date the
 *     page itself gives as its last change ({@code dateModified}) did not, false when that date moved too, null
 *     when either version's page gives none
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VersionChange(List<ChangeKind> kinds, boolean stealth, List<EditorialNotice> notices, int inserted,
        int deleted, String previousVersionId, Boolean dateModifiedUnchanged) {

    /** This change, with what the two pages' own {@code dateModified} say (either may be null: unknown). */
    public VersionChange withDatesModified(String before, String after) {
        return new VersionChange(kinds, stealth, notices, inserted, deleted, previousVersionId,
                before == null || after == null ? null : before.equals(after));
    }
}
