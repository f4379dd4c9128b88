package org.palimpsest.core.placement;

import java.time.Instant;
import java.util.UUID;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;

/** A stored capture of an article as {@link ArticleAppend} reads it: its provenance's few columns, and its order key. */
record StoredMember(UUID id, String key, Instant capturedAt, boolean hasUrlKey, UUID versionId, String digest,
        String templateDigest, IdentityKind identity, String matchedCaptureId, int versionNumber,
        VersionKind versionDecision) {

    /** A capture placed with this provenance, as the columns generated from it (V24) read it back. */
    static StoredMember of(UUID id, String key, Instant capturedAt, boolean hasUrlKey, UUID versionId,
            DerivationRecord record) {
        return new StoredMember(id, key, capturedAt, hasUrlKey, versionId, record.contentSha256(),
                record.templateDigest(), record.identity().decision(), record.identity().matchedCaptureId(),
                record.version().versionNumber(), record.version().decision());
    }

    /** The same member, its provenance stamped with another template of the source (one reading it the same). */
    StoredMember withTemplate(String digest) {
        return new StoredMember(id, key, capturedAt, hasUrlKey, versionId, this.digest, digest, identity,
                matchedCaptureId, versionNumber, versionDecision);
    }
}
