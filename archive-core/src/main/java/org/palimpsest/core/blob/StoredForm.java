package org.palimpsest.core.blob;

import org.palimpsest.core.digest.ContentDigest;

/** A blob's stored form (gzip) and the check every read makes of it. */
final class StoredForm {
    private StoredForm() {
    }

    static byte[] of(byte[] bytes) {
        return Gzip.compress(bytes);
    }

    /** The bytes of a stored form found under {@code digest}, checked against it. */
    static byte[] open(ContentDigest digest, byte[] stored) {
        byte[] bytes = Gzip.decompress(stored).orElseThrow(() -> new CorruptBlobException(digest, "not valid gzip"));
        ContentDigest actual = ContentDigest.of(bytes);
        if (!actual.equals(digest)) {
            throw new CorruptBlobException(digest, "the bytes have sha256 " + actual.hex());
        }
        return bytes;
    }
}
