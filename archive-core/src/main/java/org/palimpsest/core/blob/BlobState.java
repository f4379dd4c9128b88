package org.palimpsest.core.blob;

/** What a fixity audit finds under a digest. */
public enum BlobState {
    /** Stored, and the bytes have the digest. */
    INTACT,
    /** Nothing is stored under the digest. */
    MISSING,
    /** Something is stored, but not bytes with that digest (or not readable as stored). */
    CORRUPT
}
