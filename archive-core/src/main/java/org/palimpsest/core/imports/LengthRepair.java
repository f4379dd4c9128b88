package org.palimpsest.core.imports;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * Finds where a WARC record whose declared Content-Length is wrong really ends, where that is unambiguous:
 * <ul>
 * <li>in a plain file, when the bytes at its declared end are not the record's closing blank lines, and a record
 * header follows with the closing blank lines right before it;
 * <li>in a gzip file of a member per record, when its member's size (the gzip trailer's ISIZE) disagrees with the
 * declared length, and the next member holds the next record. Whole-file gzip, one member for every record, is not
 * checked.
 * </ul>
 */
final class LengthRepair {
    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?im)^Content-Length:[ \\t]*\\d+");

    private final RecordFile file;

    /**
     * How to read a record again: its header block with the length corrected, its content, and where the record after
     * it begins.
     */
    record Fix(byte[] header, InputStream content, long actual, long next, String repair) {
    }

    LengthRepair(RecordFile file) {
        this.file = file;
    }

    /** The fix for the plain record at {@code offset}, whose content begins at {@code bodyStart}, if it needs one. */
    Optional<Fix> plain(long offset, long bodyStart, long declared) throws IOException {
        if (file.byteAt(offset) != 'W' || file.endsAt(bodyStart + declared)) {
            return Optional.empty();
        }
        OptionalLong following = file.nextHeader(bodyStart, false);
        if (following.isEmpty()) {
            return Optional.empty();
        }
        long contentEnd = following.getAsLong() - RecordFile.RECORD_END.length;
        if (contentEnd < bodyStart || !file.endsAt(contentEnd)) {
            return Optional.empty();
        }
        return Optional.of(fix(file.bytes(offset, (int) (bodyStart - offset)), file.stream(bodyStart),
                contentEnd - bodyStart, declared, following.getAsLong()));
    }

    /** The fix for the record of the gzip member at {@code offset}, if it needs one. */
    Optional<Fix> gzip(long offset, long declared) throws IOException {
        byte[] head = memberHead(offset);
        int headerLength = RecordFile.headerLength(head, head.length);
        if (headerLength < 0 || head[0] != 'W') {
            return Optional.empty();
        }
        long expected = (headerLength + declared + RecordFile.RECORD_END.length) & 0xffffffffL;
        for (OptionalLong member = file.nextHeader(offset + 1, true); member.isPresent();
                member = file.nextHeader(member.getAsLong() + 1, true)) {
            long next = member.getAsLong();
            long isize = uint32(file.bytes(next - 4, 4));
            if (isize == expected) {
                return Optional.empty(); // the member ends where the record says it does
            }
            if (startsARecord(next)) {
                long actual = isize - headerLength - RecordFile.RECORD_END.length;
                if (actual < 0) {
                    return Optional.empty();
                }
                InputStream content = file.gunzip(offset);
                content.skipNBytes(headerLength);
                return Optional.of(fix(Arrays.copyOf(head, headerLength), content, actual, declared, next));
            }
        }
        return Optional.empty();
    }

    private static Fix fix(byte[] header, InputStream content, long actual, long declared, long next) {
        byte[] corrected = CONTENT_LENGTH.matcher(new String(header, StandardCharsets.ISO_8859_1))
                .replaceFirst("Content-Length: " + actual).getBytes(StandardCharsets.ISO_8859_1);
        return new Fix(corrected, content, actual, next, "its Content-Length says " + declared + " bytes; " + actual
                + " were read, up to the next record's header");
    }

    /** The first bytes of the gzip member at {@code offset}, inflated up to the end of its header block. */
    private byte[] memberHead(long offset) {
        try (InputStream in = file.gunzip(offset)) {
            byte[] head = new byte[0];
            while (head.length < RecordFile.WINDOW) {
                byte[] more = in.readNBytes(1024);
                head = Arrays.copyOf(head, head.length + more.length);
                System.arraycopy(more, 0, head, head.length - more.length, more.length);
                if (more.length < 1024 || RecordFile.headerLength(head, head.length) >= 0) {
                    break;
                }
            }
            return head;
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private boolean startsARecord(long member) {
        try (InputStream in = file.gunzip(member)) {
            return Arrays.equals(in.readNBytes(RecordFile.WARC_HEADER.length), RecordFile.WARC_HEADER);
        } catch (IOException e) {
            return false;
        }
    }

    private static long uint32(byte[] littleEndian) {
        return littleEndian.length < 4 ? -1 : (littleEndian[0] & 0xffL) | (littleEndian[1] & 0xffL) << 8
                | (littleEndian[2] & 0xffL) << 16 | (littleEndian[3] & 0xffL) << 24;
    }
}
