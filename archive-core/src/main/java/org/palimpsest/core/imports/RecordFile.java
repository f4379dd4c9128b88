package org.palimpsest.core.imports;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.GZIPInputStream;

/** The stored file an import reads, by position: its bytes, where record headers are, and streams from any offset. */
final class RecordFile implements Closeable {
    static final int WINDOW = 64 * 1024;
    static final byte[] WARC_HEADER = {'W', 'A', 'R', 'C', '/', '1', '.'};
    static final byte[] RECORD_END = {'\r', '\n', '\r', '\n'};
    private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};

    private final Path path;
    private final FileChannel file;
    private final long size;

    RecordFile(Path path) throws IOException {
        this.path = path;
        this.file = FileChannel.open(path);
        this.size = file.size();
    }

    long size() {
        return size;
    }

    /**
     * Where the next record header at or after {@code from} begins: in a plain file, a line beginning {@code WARC/1.};
     * in a gzip file, the start of a gzip member.
     */
    OptionalLong nextHeader(long from, boolean gzip) throws IOException {
        byte[] pattern = gzip ? GZIP_MEMBER : WARC_HEADER;
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW);
        for (long at = from; at < size; at += WINDOW - pattern.length) {
            buffer.clear();
            int n = file.read(buffer, at);
            if (n <= 0) {
                break;
            }
            byte[] window = buffer.array();
            for (int i = 0; i + pattern.length <= n; i++) {
                if (matches(window, i, pattern) && (gzip || at + i == 0 || i > 0 && window[i - 1] == '\n'
                        || i == 0 && byteAt(at - 1) == '\n')) {
                    return OptionalLong.of(at + i);
                }
            }
        }
        return OptionalLong.empty();
    }

    boolean onlyWhitespaceFrom(long from) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW);
        for (long at = from; at < size; at += WINDOW) {
            buffer.clear();
            int n = file.read(buffer, at);
            for (int i = 0; i < n; i++) {
                byte b = buffer.get(i);
                if (b != '\r' && b != '\n' && b != ' ' && b != '\t') {
                    return false;
                }
            }
        }
        return true;
    }

    /** Where a plain record's content begins: after its header block. -1 for a header longer than the window. */
    long bodyStart(long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW);
        int n = file.read(buffer, offset);
        int length = headerLength(buffer.array(), n);
        return length < 0 ? -1 : offset + length;
    }

    /**
     * How long the header block at the start of {@code head} is: up to its first blank line (an ARC record's header is
     * one line). -1 when the first {@code n} bytes hold no end of it.
     */
    static int headerLength(byte[] head, int n) {
        boolean arc = n > 0 && head[0] != 'W';
        for (int i = 0; i < n; i++) {
            if (head[i] != '\n') {
                continue;
            }
            if (arc) {
                return i + 1;
            }
            if (i + 1 < n && head[i + 1] == '\n') {
                return i + 2;
            }
            if (i + 2 < n && head[i + 1] == '\r' && head[i + 2] == '\n') {
                return i + 3;
            }
        }
        return -1;
    }

    /** Whether a WARC record whose content ends at {@code contentEnd} is closed there: blank lines, or the file's end. */
    boolean endsAt(long contentEnd) throws IOException {
        return contentEnd == size || contentEnd + RECORD_END.length <= size
                && Arrays.equals(bytes(contentEnd, RECORD_END.length), RECORD_END);
    }

    /** The {@code length} bytes at {@code position}; none where the file ends before them. */
    byte[] bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // read on: a channel may return fewer bytes than asked
        }
        return buffer.position() == length ? buffer.array() : new byte[0];
    }

    byte byteAt(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return position < 0 || file.read(one, position) != 1 ? 0 : one.get(0);
    }

    /** The file's bytes from {@code offset} on, as stored; the caller closes the stream. */
    InputStream stream(long offset) throws IOException {
        return Channels.newInputStream(FileChannel.open(path).position(offset));
    }

    /** The inflated bytes of the gzip member at {@code offset} (and those after it); the caller closes the stream. */
    InputStream gunzip(long offset) throws IOException {
        return new GZIPInputStream(stream(offset));
    }

    private static boolean matches(byte[] window, int i, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (window[i + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
