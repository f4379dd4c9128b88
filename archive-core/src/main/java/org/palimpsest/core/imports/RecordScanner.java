package org.palimpsest.core.imports;

import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.SequenceInputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
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
 * <p>A record whose declared Content-Length is wrong is read up to the next record header instead, where that is
 * unambiguous ({@link LengthRepair}), as if it had declared that length, and says so ({@link Scanned#repair()}).
 */
final class RecordScanner implements Closeable {
    private final RecordFile file;
    private final LengthRepair lengths;
    private final WarcReader reader;
    private WarcReader repaired;
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
        this.file = new RecordFile(path);
        this.lengths = new LengthRepair(file);
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
                Optional<LengthRepair.Fix> fix;
                if (gzip()) {
                    searchFrom = offset + 1;
                    fix = lengths.gzip(offset, declared);
                } else {
                    long bodyStart = file.bodyStart(offset);
                    // a header longer than the window: search from just past its start
                    searchFrom = bodyStart < 0 ? offset + 1 : bodyStart + declared;
                    fix = bodyStart < 0 ? Optional.empty() : lengths.plain(offset, bodyStart, declared);
                }
                if (fix.isPresent()) {
                    Optional<Scanned> reread = reread(offset, fix.get());
                    if (reread.isPresent()) {
                        return reread;
                    }
                }
                if (!gzip() && searchFrom > file.size()) {
                    throw new EOFException("the record at offset " + offset + " declares " + declared
                            + " bytes of content, but the file ends " + (searchFrom - file.size())
                            + " bytes before they do");
                }
                return Optional.of(new Scanned(offset, next.get(), Optional.empty()));
            } catch (ParsingException e) {
                OptionalLong header = file.nextHeader(searchFrom, gzip());
                if (header.isEmpty()) {
                    if (!gzip() && file.onlyWhitespaceFrom(searchFrom)) {
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
        return file.size();
    }

    private boolean gzip() {
        return reader.compression() == WarcCompression.GZIP;
    }

    /** The record at {@code offset} read again as the fix says; reading goes on where the record after it begins. */
    private Optional<Scanned> reread(long offset, LengthRepair.Fix fix) throws IOException {
        closeRepaired();
        repaired = new WarcReader(new SequenceInputStream(new ByteArrayInputStream(fix.header()), fix.content()));
        Optional<WarcRecord> record = repaired.next();
        if (record.isEmpty()) {
            return Optional.empty();
        }
        reader.position(fix.next());
        searchFrom = fix.next() + 1;
        return Optional.of(new Scanned(offset, record.get(), Optional.of(fix.repair())));
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
