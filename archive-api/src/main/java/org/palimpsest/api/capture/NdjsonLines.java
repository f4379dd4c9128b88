package org.palimpsest.api.capture;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/** The lines of an NDJSON body as bytes (ended by {@code \n}, a {@code \r} before it dropped), read one at a time. */
final class NdjsonLines {
    private final InputStream in;

    NdjsonLines(InputStream body) {
        this.in = new BufferedInputStream(body, 64 * 1024);
    }

    /** The next line's bytes, or null at the end of the body. */
    byte[] next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            line.write(b);
            b = in.read();
        }
        byte[] bytes = line.toByteArray();
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\r') {
            return Arrays.copyOf(bytes, length - 1);
        }
        return bytes;
    }
}
