package org.palimpsest.core.blob;

import java.io.IOException;
import org.palimpsest.core.digest.ContentDigest;

/** A store the database's blobs can be moved into: it takes a blob's stored form, already checked, as it is. */
interface StoredFormTarget extends BlobStore {

    /** Puts the stored form in place, durably, unless the blob is there already. */
    void putStored(ContentDigest digest, byte[] stored) throws IOException;

    /** Where a blob lives in the store: {@code ab/cd/abcd….gz} for the SHA-256 {@code abcd…}, in every store. */
    static String keyOf(ContentDigest digest) {
        String hex = digest.hex();
        return hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex + ".gz";
    }
}
