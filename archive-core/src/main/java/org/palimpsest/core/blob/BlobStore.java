package org.palimpsest.core.blob;

import java.util.Map;
import java.util.Optional;
import org.palimpsest.core.digest.ContentDigest;

/**
 * Raw bytes, stored once under their SHA-256 and never modified: captures' bytes and the WARC payloads they were
 * decoded from. Every read is checked against the digest it was asked for.
 */
public interface BlobStore {

    /**
     * Stores each of the contents unless a blob with its digest exists; when this returns they are durable. Safe under
     * concurrent calls.
     *
     * @throws org.palimpsest.core.error.ArchiveException 503 when the store cannot take them (nothing is half-written:
     *     a blob is whole under its name or absent)
     */
    void putAll(Map<ContentDigest, byte[]> contents);

    /**
     * The bytes stored under the digest, or empty when there are none.
     *
     * @throws CorruptBlobException when the stored bytes do not have that digest
     */
    Optional<byte[]> get(ContentDigest digest);

    /** What a fixity audit finds under the digest. */
    default BlobState check(ContentDigest digest) {
        try {
            return get(digest).isPresent() ? BlobState.INTACT : BlobState.MISSING;
        } catch (CorruptBlobException e) {
            return BlobState.CORRUPT;
        }
    }

    /** Where the bytes are kept, for operators (the admin endpoints show it). */
    String describe();
}
