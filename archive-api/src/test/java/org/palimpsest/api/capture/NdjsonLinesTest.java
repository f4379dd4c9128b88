package org.palimpsest.api.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonLinesTest {
    /** Each line as its text, or "too long: N" for a line refused by its length. */
    private static List<String> lines(String body, long maxLineBytes, int bufferSize, boolean trickle)
            throws IOException {
        InputStream in = new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8));
        InputStream source = trickle ? new InputStream() { // a client sending a byte at a time
            @Override
            public int read() throws IOException {
                return in.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return in.read(b, off, Math.min(len, 1));
            }
        } : in;
        NdjsonLines lines = new NdjsonLines(source, maxLineBytes, bufferSize);
        List<String> out = new ArrayList<>();
        for (NdjsonLines.Line line = lines.next(); line != null; line = lines.next()) {
            out.add(line.tooLong() ? "too long: " + line.length()
                    : new String(line.bytes(), StandardCharsets.UTF_8) + " (" + line.length() + ")");
        }
        return out;
    }

    @Test
    void linesEndAtNewlinesWithACarriageReturnBeforeOneDroppedAndTheLastMayLackOne() throws IOException {
        String body = "{\"a\":1}\r\n\n{\"b\":2}\nlast";
        List<String> expected = List.of("{\"a\":1} (7)", " (0)", "{\"b\":2} (7)", "last (4)");
        for (int bufferSize : new int[] {1, 2, 3, 5, 64 * 1024}) {
            assertEquals(expected, lines(body, 100, bufferSize, false), "buffer of " + bufferSize);
            assertEquals(expected, lines(body, 100, bufferSize, true), "trickled, buffer of " + bufferSize);
        }
    }

    @Test
    void aLineOverTheLimitIsToldByItsLengthWhereverTheBufferEnds() throws IOException {
        String body = "12345\n123456\n1234\r\n123456\r\n12345\r\n";
        List<String> expected = List.of("12345 (5)", "too long: 6", "1234 (4)", "too long: 7", "12345 (5)");
        for (int bufferSize : new int[] {1, 4, 6, 7, 64 * 1024}) {
            assertEquals(expected, lines(body, 5, bufferSize, false), "buffer of " + bufferSize);
            assertEquals(expected, lines(body, 5, bufferSize, true), "trickled, buffer of " + bufferSize);
        }
    }

    @Test
    void anEmptyBodyHasNoLinesAndABodyEndingInANewlineNoEmptyLastLine() throws IOException {
        assertEquals(List.of(), lines("", 10, 4, false));
        assertEquals(List.of("x (1)"), lines("x\n", 10, 4, false));
        NdjsonLines lines = new NdjsonLines(new ByteArrayInputStream(new byte[0]), 10);
        assertNull(lines.next());
        assertNull(lines.next());
    }

    @Test
    void multiByteCharactersSplitAcrossBuffersComeBackWhole() throws IOException {
        String body = "{\"t\":\"Zürich – 東京\"}\n";
        int bytes = "{\"t\":\"Zürich – 東京\"}".getBytes(StandardCharsets.UTF_8).length;
        assertEquals(List.of("{\"t\":\"Zürich – 東京\"} (" + bytes + ")"), lines(body, 1000, 3, false));
    }
}
