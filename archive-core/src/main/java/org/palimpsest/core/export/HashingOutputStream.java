package org.palimpsest.core.export;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.palimpsest.core.capture.ContentDigest;

/** Passes bytes through while taking their SHA-256 and count; closing it leaves the stream beneath open. */
final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha = ContentDigest.sha256();
    private long count;

    HashingOutputStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        out.write(b);
        sha.update((byte) b);
        count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
        sha.update(b, off, len);
        count += len;
    }

    @Override
    public void close() throws IOException {
        flush();
    }

    /** The SHA-256 of everything written so far, as hex. */
    String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    long count() {
        return count;
    }
}
