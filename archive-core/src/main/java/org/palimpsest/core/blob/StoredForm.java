package org.palimpsest.core.blob;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.palimpsest.core.digest.ContentDigest;

/** A blob's stored form, gzip in every store, and the check every read makes of it. */
final class StoredForm {
    private StoredForm() {
    }

    static byte[] of(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The bytes of a stored form found under {@code digest}, checked against it. */
    static byte[] open(ContentDigest digest, byte[] stored) {
        byte[] bytes;
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new CorruptBlobException(digest, "not valid gzip");
        }
        ContentDigest actual = ContentDigest.of(bytes);
        if (!actual.equals(digest)) {
            throw new CorruptBlobException(digest, "the bytes have sha256 " + actual.hex());
        }
        return bytes;
    }
}
