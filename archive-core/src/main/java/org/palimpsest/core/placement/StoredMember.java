package org.palimpsest.core.placement;

import java.time.Instant;
import java.util.UUID;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;

/** A stored capture of an article as {@link ArticleAppend} reads it: its provenance's few columns, and its order key. */
record StoredMember(UUID id, String key, Instant capturedAt, boolean hasUrlKey, UUID versionId, String digest,
        String templateDigest, IdentityKind identity, String matchedCaptureId, int versionNumber,
        VersionKind versionDecision) {

    /** The same member, its provenance stamped with another template of the source (one reading it the same). */
    StoredMember withTemplate(String digest) {
        return new StoredMember(id, key, capturedAt, hasUrlKey, versionId, this.digest, digest, identity,
                matchedCaptureId, versionNumber, versionDecision);
    }
}
