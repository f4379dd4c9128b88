package org.palimpsest.core.imports;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;
import org.netpreserve.jwarc.ParsingException;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;

/**
 * Reads the records of a WARC or ARC file, plain or gzip (jwarc reads both formats and both compressions), as
 * tolerantly as warcio: where something other than a record header follows a record (blank lines, junk), it skips
 * to the next record header after it and counts a resync. A record header is, in a plain file, a line beginning
 * {@code WARC/1.}; in a gzip file, the start of a gzip member. In a plain file the search starts where the last
 * record ends by its declared length, so a record's own body is never taken for a header.
 *
 * <p>A plain WARC record whose declared Content-Length is wrong (the bytes at its declared end are not the record's
 * closing blank lines) is read up to the next record header instead, where that is unambiguous: a header follows
 * and the closing blank lines stand right before it. The record is then read as if it had declared that length,
 * and says so ({@link Scanned#repair()}).
 */
final class RecordScanner implements Closeable {
    private static final int WINDOW = 64 * 1024;
    private static final byte[] WARC_HEADER = {'W', 'A', 'R', 'C', '/', '1', '.'};
    private static final byte[] GZIP_MEMBER = {0x1f, (byte) 0x8b, 0x08};
    private static final byte[] RECORD_END = {'\r', '\n', '\r', '\n'};
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length:[ \\t]*\\d+");

    private final Path path;
    private final FileChannel file;
    private final WarcReader reader;
    private WarcReader repaired;
    private final long size;
    private long searchFrom;
    private int resynced;

    /**
     * A record and where it begins in the file (for a gzip file, where its gzip member begins).
     *
     * @param repair what reading the record had to put right, if anything
     */
    record Scanned(long offset, WarcRecord record, Optional<String> repair) {
    }

    RecordScanner(Path path) throws IOException {
        this.path = path;
        this.file = FileChannel.open(path);
        this.size = file.size();
        this.reader = new WarcReader(FileChannel.open(path));
    }

    Optional<Scanned> next() throws IOException {
        while (true) {
            try {
                Optional<WarcRecord> next = reader.next();
                if (next.isEmpty()) {
                    return Optional.empty();
                }
                long offset = reader.position();
                long declared = next.get().body().size();
                if (reader.compression() != WarcCompression.NONE) {
                    searchFrom = offset + 1;
                    return Optional.of(new Scanned(offset, next.get(), Optional.empty()));
                }
                long bodyStart = bodyStart(offset);
                if (bodyStart < 0) {
                    searchFrom = offset + 1; // a header longer than the window: search from just past its start
                    return Optional.of(new Scanned(offset, next.get(), Optional.empty()));
                }
                searchFrom = bodyStart + declared;
                if (byteAt(offset) == 'W' && !endsAt(searchFrom)) {
                    Optional<Scanned> repair = readToNextHeader(offset, bodyStart, declared);
                    if (repair.isPresent()) {
                        return repair;
                    }
                }
                if (searchFrom > size) {
                    throw new EOFException("the record at offset " + offset + " declares " + next.get().body().size()
                            + " bytes of content, but the file ends " + (searchFrom - size) + " bytes before they do");
                }
                return Optional.of(new Scanned(offset, next.get(), Optional.empty()));
            } catch (ParsingException e) {
                OptionalLong header = nextHeader(searchFrom);
                if (header.isEmpty()) {
                    if (onlyWhitespaceFrom(searchFrom)) {
                        return Optional.empty(); // blank lines at the end of the file
                    }
                    throw e;
                }
                resynced++;
                searchFrom = header.getAsLong() + 1;
                reader.position(header.getAsLong());
            }
        }
    }

    /** How many times reading skipped something that was not a record. */
    int resynced() {
        return resynced;
    }

    /** How far into the file reading has come: where the last record read begins (in the file as stored). */
    long bytesRead() {
        return reader.position();
    }

    long size() {
        return size;
    }

    /**
     * Where a plain record's content begins: after its header block (up to the first blank line; an ARC record's
     * header is one line). -1 for a header longer than the window.
     */
    private long bodyStart(long offset) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(WINDOW);
        int n = file.read(buffer, offset);
        byte[] head = buffer.array();
        boolean arc = n > 0 && head[0] != 'W';
        for (int i = 0; i < n; i++) {
            if (head[i] != '\n') {
                continue;
            }
            if (arc) {
                return offset + i + 1;
            }
            if (i + 1 < n && head[i + 1] == '\n') {
                return offset + i + 2;
            }
            if (i + 2 < n && head[i + 1] == '\r' && head[i + 2] == '\n') {
                return offset + i + 3;
            }
        }
        return -1;
    }

    /** Whether a WARC record whose content ends at {@code contentEnd} is closed there: blank lines, or the file's end. */
    private boolean endsAt(long contentEnd) throws IOException {
        return contentEnd == size || contentEnd + RECORD_END.length <= size
                && Arrays.equals(bytes(contentEnd, RECORD_END.length), RECORD_END);
    }

    /**
     * The record at {@code offset} read up to the next record header, when its declared length is wrong and the next
     * header is unambiguous (the closing blank lines stand right before it); nothing otherwise.
     */
    private Optional<Scanned> readToNextHeader(long offset, long bodyStart, long declared) throws IOException {
        OptionalLong following = nextHeader(bodyStart);
        if (following.isEmpty()) {
            return Optional.empty();
        }
        long contentEnd = following.getAsLong() - RECORD_END.length;
        if (contentEnd < bodyStart || !endsAt(contentEnd)) {
            return Optional.empty();
        }
        long actual = contentEnd - bodyStart;
        String header = new String(bytes(offset, (int) (bodyStart - offset)), StandardCharsets.ISO_8859_1);
        byte[] corrected = CONTENT_LENGTH.matcher(header).replaceFirst("Content-Length: " + actual)
                .getBytes(StandardCharsets.ISO_8859_1);
        closeRepaired();
        repaired = new WarcReader(new SequenceInputStream(new ByteArrayInputStream(corrected),
                Channels.newInputStream(FileChannel.open(path).position(bodyStart))));
        Optional<WarcRecord> record = repaired.next();
        if (record.isEmpty()) {
            return Optional.empty();
        }
        reader.position(following.getAsLong());
        searchFrom = following.getAsLong() + 1;
        return Optional.of(new Scanned(offset, record.get(), Optional.of("its Content-Length says " + declared
                + " bytes; " + actual + " were read, up to the next record's header")));
    }

    private OptionalLong nextHeader(long from) throws IOException {
        boolean gzip = reader.compression() == WarcCompression.GZIP;
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

    private boolean onlyWhitespaceFrom(long from) throws IOException {
        if (reader.compression() == WarcCompression.GZIP) {
            return false;
        }
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

    private byte[] bytes(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining() && file.read(buffer, position + buffer.position()) > 0) {
            // read on: a channel may return fewer bytes than asked
        }
        return buffer.position() == length ? buffer.array() : new byte[0];
    }

    private byte byteAt(long position) throws IOException {
        ByteBuffer one = ByteBuffer.allocate(1);
        return position < 0 || file.read(one, position) != 1 ? 0 : one.get(0);
    }

    private static boolean matches(byte[] window, int i, byte[] pattern) {
        for (int j = 0; j < pattern.length; j++) {
            if (window[i + j] != pattern[j]) {
                return false;
            }
        }
        return true;
    }

    private void closeRepaired() throws IOException {
        if (repaired != null) {
            repaired.close();
            repaired = null;
        }
    }

    @Override
    public void close() throws IOException {
        try (file; reader) {
            closeRepaired();
        }
    }
}
