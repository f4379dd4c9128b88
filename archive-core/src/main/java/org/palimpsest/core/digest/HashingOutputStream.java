package org.palimpsest.core.digest;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Passes bytes through while taking their SHA-256 and count; closing it leaves the stream beneath open. */
public final class HashingOutputStream extends FilterOutputStream {
    private final MessageDigest sha = ContentDigest.sha256();
    private long count;

    public HashingOutputStream(OutputStream out) {
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
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    public long count() {
        return count;
    }
}
