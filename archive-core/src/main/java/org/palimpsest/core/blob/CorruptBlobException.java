package org.palimpsest.core.blob;

import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;

/** Bytes stored under a digest that they do not have: the archive refuses to serve them as that capture's. */
public final class CorruptBlobException extends ArchiveException {
    public CorruptBlobException(ContentDigest expected, String found) {
        super(ProblemKind.CORRUPT, "the stored bytes under sha256 " + expected.hex() + " fail their fixity check ("
                + found + "): they are not served; an operator restores them from a copy (POST /api/admin/fixity"
                + " lists every such blob)");
    }
}
