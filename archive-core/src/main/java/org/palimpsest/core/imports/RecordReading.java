package org.palimpsest.core.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcCaptureRecord;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.netpreserve.jwarc.Warcinfo;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.export.WarcExporter;

/**
 * Reads one record into what it holds for the archive. Its type, HTTP status, media type and declared size are
 * checked before any of its body is read, and no body is read or inflated past the capture limit: a record's memory
 * is bounded by the limit whatever the file says.
 */
final class RecordReading {
    static final Set<String> TEXT = Set.of("text/html", "text/plain", "application/xhtml+xml");
    private static final int MAX_CONTEXT = 16 * 1024;

    private final String fileName;
    private final long maxBytes;

    RecordReading(String fileName, long maxBytes) {
        this.fileName = fileName;
        this.maxBytes = maxBytes;
    }

    ImportedRecord read(long offset, WarcRecord record, Optional<String> repair) {
        RecordInfo info = info(offset, record, repair);
        try {
            if (info.type() == null) {
                return new ImportedRecord.Failed(info, ImportReason.MALFORMED, "the record has no WARC-Type, so what"
                        + " it holds cannot be known");
            }
            if (info.date() == null && (record instanceof WarcResponse || record instanceof WarcResource
                    || record instanceof WarcRevisit)) {
                return new ImportedRecord.Failed(info, ImportReason.MALFORMED, "the record has no readable"
                        + " WARC-Date (" + record.headers().first("WARC-Date").orElse("none") + "), and a capture"
                        + " needs the time it was made");
            }
            if (record instanceof WarcResponse response) {
                return response(info, response);
            } else if (record instanceof WarcResource resource && !ofAPage(info.uri())) {
                return new ImportedRecord.Skipped(info, ImportReason.NOT_A_CAPTURE, "a resource of " + info.uri()
                        + ", which describes the crawl, not a page");
            } else if (record instanceof WarcResource resource) {
                return text(info, Optional.empty(), resource.contentType(), resource.body(), List.of(), record);
            } else if (record instanceof WarcRevisit revisit) {
                return revisit(info, revisit);
            } else if (record instanceof Warcinfo warcinfo) {
                return new ImportedRecord.Crawler(info, software(warcinfo));
            } else if (record instanceof WarcRequest request && record.body().size() <= MAX_CONTEXT) {
                return new ImportedRecord.Request(info, new String(request.http().serializeHeader(),
                        StandardCharsets.ISO_8859_1).strip(), concurrentTo(request));
            } else if (record instanceof WarcMetadata metadata && record.body().size() <= MAX_CONTEXT
                    && metadata.contentType().base().toString().equals("application/warc-fields")) {
                return new ImportedRecord.Metadata(info, metadata.fields().map(), concurrentTo(metadata));
            }
            return new ImportedRecord.Skipped(info, ImportReason.NOT_A_CAPTURE, "a " + info.type() + " record");
        } catch (IOException | RuntimeException e) {
            return new ImportedRecord.Failed(info, ImportReason.MALFORMED, "the record cannot be read: "
                    + e.getMessage());
        }
    }

    private static Optional<String> concurrentTo(WarcCaptureRecord record) {
        return record.headers().first("WARC-Concurrent-To").map(RecordReading::unbracket);
    }

    /** The warcinfo's software field; none for an ARC file's header, whose body is not WARC fields. */
    private static Optional<String> software(Warcinfo warcinfo) {
        try {
            return warcinfo.body().size() > MAX_CONTEXT || !warcinfo.contentType().base().toString()
                    .equals("application/warc-fields") ? Optional.empty() : warcinfo.fields().first("software");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Whether a resource record holds a page: one of the web, or a capture of this archive's own export. Crawlers
     * write their logs and settings as resources too (wget: metadata://gnu.org/software/wget/warc/wget.log).
     */
    private static boolean ofAPage(String uri) {
        if (uri == null || uri.startsWith(WarcExporter.CAPTURE_URN)) {
            return true;
        }
        String scheme = uri.substring(0, Math.max(0, uri.indexOf(':'))).toLowerCase(Locale.ROOT);
        return scheme.equals("http") || scheme.equals("https");
    }

    private RecordInfo info(long offset, WarcRecord record, Optional<String> repair) {
        String id = record.headers().first("WARC-Record-ID").map(RecordReading::unbracket).orElse(fileName + "#" + offset);
        String uri = record.headers().first("WARC-Target-URI").map(RecordReading::unbracket).orElse(null);
        return new RecordInfo(offset, id, record.headers().first("WARC-Type").orElse(null), uri, date(record), repair);
    }

    /** The record's WARC-Date, or null where it has none that reads as a date. */
    private static Instant date(WarcRecord record) {
        try {
            return record.date();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private ImportedRecord response(RecordInfo info, WarcResponse response) throws IOException {
        if (!response.contentType().base().equals(MediaType.HTTP)) {
            return text(info, Optional.empty(), response.contentType(), response.body(), List.of(), response);
        }
        HttpResponse http = response.http();
        if (http.status() < 200 || http.status() > 299) {
            return new ImportedRecord.Skipped(info, ImportReason.HTTP_STATUS, "HTTP status " + http.status());
        }
        return text(info, Optional.of(http.status()), http.contentType(), http.body(),
                http.headers().all("Content-Encoding"), response);
    }

    private ImportedRecord revisit(RecordInfo info, WarcRevisit revisit) {
        Optional<String> type = Optional.empty();
        Optional<Integer> status = Optional.empty();
        try {
            if (revisit.contentType().base().equals(MediaType.HTTP)) {
                type = revisit.http().headers().first("Content-Type");
                status = Optional.of(revisit.http().status());
            }
        } catch (IOException | RuntimeException e) {
            // a revisit without HTTP headers: its original says what it is
        }
        if (type.isPresent() && !TEXT.contains(MediaType.parseLeniently(type.get()).base().toString())) {
            return new ImportedRecord.Skipped(info, ImportReason.NOT_TEXT, "a revisit of " + type.get());
        }
        return new ImportedRecord.Revisit(info, status,
                revisit.headers().first("WARC-Refers-To").map(RecordReading::unbracket),
                revisit.headers().first("WARC-Refers-To-Target-URI").map(RecordReading::unbracket),
                revisit.refersToDate(), revisit.payloadDigest().filter(d -> d.algorithm().equals("sha1"))
                        .map(WarcDigest::base32), revisit.headers().first("WARC-Profile").orElse(""));
    }

    private ImportedRecord text(RecordInfo info, Optional<Integer> status, MediaType type, MessageBody body, List<String> encodings,
            WarcRecord record) throws IOException {
        String base = type.base().toString();
        if (!TEXT.contains(base)) {
            return new ImportedRecord.Skipped(info, ImportReason.NOT_TEXT, "a record of " + base);
        }
        long declared = body.size() >= 0 ? body.size() : record.body().size();
        if (declared > maxBytes) {
            return tooLarge(info, "its payload is " + declared + " bytes");
        }
        Optional<byte[]> read = readAtMost(body.stream());
        if (read.isEmpty()) {
            return tooLarge(info, "its payload is longer than it says");
        }
        byte[] recorded = read.get();
        String sha1 = ContentDigest.sha1Base32(recorded);
        Optional<WarcDigest> declaredDigest = record.headers().first("WARC-Payload-Digest").map(WarcDigest::new);
        Optional<String> check = declaredDigest.map(d -> check(d, recorded));
        Optional<String> encoding = encodings.stream().map(e -> e.strip().toLowerCase(Locale.ROOT))
                .filter(e -> !e.equals("identity") && !e.equals("none") && !e.isEmpty())
                .reduce((a, b) -> a + ", " + b);
        byte[] content = recorded;
        if (encoding.isPresent()) {
            Optional<byte[]> decoded;
            try (InputStream in = decoder(encoding.get(), recorded)) {
                decoded = readAtMost(in);
            } catch (IOException e) {
                return new ImportedRecord.Failed(info, ImportReason.MALFORMED, "its Content-Encoding "
                        + encoding.get() + " cannot be decoded: " + e.getMessage());
            }
            if (decoded.isEmpty()) {
                return tooLarge(info, "its " + encoding.get() + " payload of " + recorded.length
                        + " bytes expands past it");
            }
            content = decoded.get();
        }
        return new ImportedRecord.Text(info, status, type.toString(), content,
                encoding.isPresent() ? Optional.of(recorded) : Optional.empty(), encoding, sha1,
                declaredDigest.map(WarcDigest::prefixedBase32), check);
    }

    private ImportedRecord tooLarge(RecordInfo info, String what) {
        return new ImportedRecord.Failed(info, ImportReason.TOO_LARGE, "the capture limit is " + maxBytes
                + " bytes (palimpsest.capture.max-size) and " + what);
    }

    /** The stream's bytes, or nothing when there are more than the limit (having read at most one past it). */
    private Optional<byte[]> readAtMost(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return bytes.length > maxBytes ? Optional.empty() : Optional.of(bytes);
    }

    private static InputStream decoder(String encoding, byte[] recorded) throws IOException {
        InputStream in = new ByteArrayInputStream(recorded);
        return switch (encoding) {
            case "gzip", "x-gzip" -> new GZIPInputStream(in);
            case "br" -> new BrotliInputStream(in);
            case "deflate" -> deflate(in);
            default -> throw new IOException("it is not gzip, deflate or br");
        };
    }

    /** HTTP's deflate is zlib-wrapped by the standard and raw by some servers: the first byte tells them apart. */
    private static InputStream deflate(InputStream in) throws IOException {
        PushbackInputStream peek = new PushbackInputStream(in, 1);
        int first = peek.read();
        if (first >= 0) {
            peek.unread(first);
        }
        boolean zlib = (first & 0x0f) == 8;
        return new InflaterInputStream(peek, new Inflater(!zlib));
    }

    private static String check(WarcDigest declared, byte[] payload) {
        try {
            MessageDigest digester = declared.getDigester();
            digester.update(payload);
            WarcDigest computed = new WarcDigest(digester);
            return computed.equals(declared) ? "matches" : "mismatch: computed " + computed.prefixedBase32();
        } catch (NoSuchAlgorithmException | IllegalArgumentException e) {
            return "not checked: " + declared + " is not a digest this archive computes";
        }
    }

    private static String unbracket(String value) {
        return value.startsWith("<") && value.endsWith(">") ? value.substring(1, value.length() - 1) : value;
    }
}
