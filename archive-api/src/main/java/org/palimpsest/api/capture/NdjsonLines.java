package org.palimpsest.api.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON body as bytes (ended by {@code \n}, a {@code \r} before it dropped), read one at a time. A
 * line longer than the limit is skipped to its end without being kept: only its length is told.
 */
final class NdjsonLines {
    /** A line's bytes, or (null) none because it has {@code length} bytes, more than the limit. */
    record Line(byte[] bytes, long length) {
        boolean tooLong() {
            return bytes == null;
        }
    }

    private final InputStream in;
    private final long maxLineBytes;

    NdjsonLines(InputStream body, long maxLineBytes) {
        this.in = new BufferedInputStream(body, 64 * 1024);
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        int b = in.read();
        if (b < 0) {
            return null;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(256);
        long length = 0;
        for (; b >= 0 && b != '\n'; b = in.read()) {
            if (length++ <= maxLineBytes) { // one byte more than the limit: room for a closing \r
                kept.write(b);
            }
        }
        byte[] bytes = kept.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
            length--;
        }
        return length > maxLineBytes ? new Line(null, length) : new Line(bytes, length);
    }
}
