package org.palimpsest.api.capture;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * The lines of an NDJSON body as bytes (ended by {@code \n}, a {@code \r} before it dropped), read one at a time. A
 * line longer than the limit is skipped to its end without being kept: only its length is told. The body is read a
 * buffer at a time and each buffer scanned for line ends, never a byte a call.
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
    private final byte[] buffer;
    private int position;
    private int limit;

    NdjsonLines(InputStream body, long maxLineBytes) {
        this(body, maxLineBytes, 64 * 1024);
    }

    NdjsonLines(InputStream body, long maxLineBytes, int bufferSize) {
        this.in = body;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[bufferSize];
    }

    /** The next line, or null at the end of the body. */
    Line next() throws IOException {
        if (position == limit && !fill()) {
            return null;
        }
        byte[] bytes = null; // the line as kept, when it lies whole in the buffer
        ByteArrayOutputStream kept = null; // else its parts as read
        long length = 0;
        while (true) {
            int end = lineEnd();
            int stop = end < 0 ? limit : end;
            // Kept: up to one byte more than the limit, room for a closing \r.
            int keep = (int) Math.min(stop - position, Math.max(0, maxLineBytes + 1 - length));
            if (end >= 0 && kept == null) {
                bytes = Arrays.copyOfRange(buffer, position, position + keep);
            } else {
                kept = kept == null ? new ByteArrayOutputStream(Math.max(256, keep)) : kept;
                kept.write(buffer, position, keep);
            }
            length += stop - position;
            position = end < 0 ? limit : end + 1;
            if (end >= 0 || !fill()) {
                break;
            }
        }
        bytes = bytes != null ? bytes : kept.toByteArray();
        if (bytes.length > 0 && bytes[bytes.length - 1] == '\r' && length == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length - 1);
            length--;
        }
        return length > maxLineBytes ? new Line(null, length) : new Line(bytes, length);
    }

    /** Where the next {@code \n} of the buffer is, or -1. */
    private int lineEnd() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Reads more of the body into the (consumed) buffer; false at its end. */
    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        position = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }
}
