package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageVersion;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcDigest;
import org.netpreserve.jwarc.WarcMetadata;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcWriter;
import org.netpreserve.jwarc.Warcinfo;
import org.palimpsest.core.article.CaptureReader;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;

/**
 * WARC 1.1 export with jwarc: a warcinfo record first; per capture a resource record (the raw bytes, WARC-Target-URI
 * the capture's URL or {@code urn:palimpsest:capture:<id>}, WARC-Date the capture time, a SHA-256 payload digest), a
 * conversion record with the normalised text referring to it, and a metadata record with the provenance JSON; last, a
 * metadata record carrying the manifest. Record ids derive from capture ids, so the same query gives the same records.
 */
@ApplicationScoped
public class WarcExporter implements ExportWriter {
    /** The target URI of a capture that has no URL; WARC import reads it back as that capture. */
    public static final String CAPTURE_URN = "urn:palimpsest:capture:";
    /** The target URI of the closing metadata record that carries the manifest. */
    public static final String MANIFEST_URN = "urn:palimpsest:export-manifest";

    private final CaptureReader reader;

    public WarcExporter(CaptureReader reader) {
        this.reader = reader;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.WARC;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        HashingOutputStream payload = new HashingOutputStream(out);
        WarcWriter warc = new WarcWriter(payload);
        writeWarcinfo(warc, query, format().fileName());
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                for (ExportRecord.Capture c : record.captures()) {
                    writeCapture(warc, record, c);
                }
            }

            @Override
            public ExportManifest finish(ExportEnd end) throws IOException {
                ExportManifest manifest = end.manifest(format(), payload.hex());
                new WarcWriter(out).write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
                        .targetURI(URI.create(MANIFEST_URN))
                        .body(MediaType.parse("application/json"), Json.write(manifest).getBytes(StandardCharsets.UTF_8))
                        .build());
                out.flush();
                return manifest;
            }
        };
    }

    /** The file's first record: what wrote it, in which format, for which query. */
    static void writeWarcinfo(WarcWriter warc, ExportQuery query, String fileName) throws IOException {
        warc.write(new Warcinfo.Builder().version(MessageVersion.WARC_1_1).filename(fileName)
                .fields(Map.of("software", List.of("Palimpsest"), "format", List.of("WARC File Format 1.1"),
                        "description", List.of("Captures with their normalised text and provenance"),
                        "palimpsest-query", List.of(Json.write(query))))
                .build());
    }

    /**
     * Where a capture's resource record lies in the file written, for a CDXJ index.
     *
     * @param target the record's WARC-Target-URI
     * @param payloadDigest its WARC-Payload-Digest
     * @param offset where the record begins (in a gzip file, its gzip member)
     * @param length its length as written (compressed, in a gzip file)
     */
    record Written(String target, Instant capturedAt, String mime, String payloadDigest, long offset, long length) {
    }

    /** Writes a capture's resource record, its conversion (the normalised text) and its provenance metadata. */
    Written writeCapture(WarcWriter warc, ExportRecord version, ExportRecord.Capture c) throws IOException {
        UUID captureId = UUID.fromString(c.captureId());
        CaptureReader.RawCapture raw = reader.raw(captureId).orElseThrow();
        var view = reader.capture(captureId).orElseThrow();
        URI target = URI.create(view.url() != null ? view.url() : CAPTURE_URN + c.captureId());
        URI resourceId = URI.create("urn:uuid:" + captureId);
        MediaType type = MediaType.parseLeniently(raw.contentType());
        WarcDigest digest = new WarcDigest("sha256", HexFormat.of().parseHex(c.rawSha256()));
        long offset = warc.position();
        warc.write(new WarcResource.Builder(target).version(MessageVersion.WARC_1_1).recordId(resourceId)
                .date(c.capturedAt()).payloadDigest(digest).body(type, raw.bytes()).build());
        Written written = new Written(target.toString(), c.capturedAt(), type.base().toString(),
                digest.prefixedBase32(), offset, warc.position() - offset);
        String text = version.headline() + "\n\n" + version.text() + "\n";
        warc.write(new WarcConversion.Builder().version(MessageVersion.WARC_1_1)
                .recordId(UUID.nameUUIDFromBytes(("conversion:" + captureId).getBytes(StandardCharsets.UTF_8)))
                .date(c.capturedAt()).refersTo(resourceId).setHeader("WARC-Target-URI", target.toString())
                .body(MediaType.parse("text/plain;charset=utf-8"), text.getBytes(StandardCharsets.UTF_8)).build());
        byte[] provenance = Json.write(view).getBytes(StandardCharsets.UTF_8);
        warc.write(new WarcMetadata.Builder().version(MessageVersion.WARC_1_1)
                .recordId(UUID.nameUUIDFromBytes(("metadata:" + captureId).getBytes(StandardCharsets.UTF_8)))
                .date(c.capturedAt()).targetURI(target).setHeader("WARC-Refers-To", "<" + resourceId + ">")
                .body(MediaType.parse("application/json"), provenance).build());
        return written;
    }
}
