package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcWriter;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.identity.CanonicalUrl;
import org.palimpsest.core.json.Json;

/**
 * A WACZ 1.1.1 file, as ReplayWeb.page and pywb open them: {@code archive/data.warc.gz} (the WARC export's records,
 * each its own gzip member, stored uncompressed in the zip so readers can seek into it), {@code indexes/index.cdxj}
 * (a line per capture, sorted, with the offset and length of its record), {@code pages/pages.jsonl} (a page per
 * article version: url, ts, title), {@code datapackage.json} (every file with its sha256 hash and bytes) and
 * {@code datapackage-digest.json}.
 * <p>
 * Memory stays bounded: the WARC and the pages are spooled to temporary files as the export is read, the index is
 * sorted in runs on disk, and the zip is written from the files at the end.
 */
@ApplicationScoped
public class WaczExporter implements ExportWriter {
    static final String WACZ_VERSION = "1.1.1";
    static final String WARC = "archive/data.warc.gz";
    static final String INDEX = "indexes/index.cdxj";
    static final String PAGES = "pages/pages.jsonl";
    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
            .withZone(ZoneOffset.UTC);
    private static final int INDEX_RUN_LINES = 100_000;

    private final WarcExporter warcExporter;

    public WaczExporter(WarcExporter warcExporter) {
        this.warcExporter = warcExporter;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.WACZ;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        Path warcFile = Files.createTempFile("palimpsest-wacz-", ".warc.gz");
        Path pagesFile = Files.createTempFile("palimpsest-wacz-", ".pages.jsonl");
        SortedLines index = new SortedLines(INDEX_RUN_LINES);
        FileChannel channel = FileChannel.open(warcFile, StandardOpenOption.WRITE);
        Writer pages = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(pagesFile),
                StandardCharsets.UTF_8));
        WarcWriter warc;
        try {
            warc = new WarcWriter(channel, WarcCompression.GZIP);
            WarcExporter.writeWarcinfo(warc, query, "data.warc.gz");
            pages.write(Json.write(Map.of("format", "json-pages-1.0", "id", "pages", "title",
                    "Article versions")) + "\n");
        } catch (IOException | RuntimeException e) {
            cleanUp(channel, pages, index, warcFile, pagesFile);
            throw e;
        }
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                String firstUrl = null;
                for (ExportRecord.Capture c : record.captures()) {
                    WarcExporter.Written written = warcExporter.writeCapture(warc, record, c);
                    index.add(cdxj(written));
                    firstUrl = firstUrl == null ? written.target() : firstUrl;
                }
                Map<String, Object> page = new LinkedHashMap<>();
                page.put("id", record.versionId());
                page.put("url", record.url() != null ? record.url() : firstUrl);
                page.put("ts", record.validFrom().toString());
                page.put("title", record.headline());
                pages.write(Json.write(page) + "\n");
            }

            @Override
            public ExportManifest finish(ExportEnd end) throws IOException {
                try {
                    channel.force(false);
                    pages.flush();
                    ZipOutputStream zip = new ZipOutputStream(out);
                    List<Map<String, Object>> resources = new ArrayList<>();
                    resources.add(stored(zip, WARC, warcFile));
                    resources.add(deflated(zip, INDEX, index::writeTo));
                    resources.add(deflated(zip, PAGES, o -> Files.copy(pagesFile, o)));
                    String payloadSha256 = ((String) resources.get(0).get("hash")).substring("sha256:".length());
                    ExportManifest manifest = end.manifest(format(), payloadSha256);
                    Map<String, Object> datapackage = new LinkedHashMap<>();
                    datapackage.put("profile", "data-package");
                    datapackage.put("wacz_version", WACZ_VERSION);
                    datapackage.put("title", "Palimpsest export");
                    datapackage.put("description", "Captures of news articles with their normalised text and"
                            + " provenance, for the query in palimpsest.query");
                    datapackage.put("created", end.takenAt().toString());
                    datapackage.put("software", "Palimpsest");
                    datapackage.put("resources", resources);
                    datapackage.put("palimpsest", manifest);
                    byte[] packageBytes = Json.write(datapackage).getBytes(StandardCharsets.UTF_8);
                    entry(zip, "datapackage.json", packageBytes);
                    entry(zip, "datapackage-digest.json", Json.write(Map.of("path", "datapackage.json", "hash",
                            "sha256:" + ContentDigest.of(packageBytes).hex())).getBytes(StandardCharsets.UTF_8));
                    zip.finish();
                    out.flush();
                    return manifest;
                } finally {
                    cleanUp(channel, pages, index, warcFile, pagesFile);
                }
            }
        };
    }

    /** The record's CDXJ line: {@code urlkey timestamp {url, mime, digest, length, offset, filename}}. */
    private static String cdxj(WarcExporter.Written w) {
        String key;
        try {
            key = w.target().startsWith("http") ? CanonicalUrl.of(w.target()).surtKey() : w.target();
        } catch (RuntimeException e) {
            key = w.target();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("url", w.target());
        fields.put("mime", w.mime());
        fields.put("digest", w.payloadDigest());
        fields.put("length", String.valueOf(w.length()));
        fields.put("offset", String.valueOf(w.offset()));
        fields.put("filename", "data.warc.gz");
        return key + " " + TIMESTAMP.format(w.capturedAt()) + " " + Json.write(fields);
    }

    /** An interface for what writes an entry's bytes. */
    private interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private static Map<String, Object> deflated(ZipOutputStream zip, String path, Content content) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        HashingOutputStream hashing = new HashingOutputStream(new NonClosing(zip));
        content.writeTo(hashing);
        hashing.flush();
        zip.closeEntry();
        return resource(path, hashing.hex(), hashing.count());
    }

    /** A file stored without compression (it is gzip already), so a reader can seek to a record's offset. */
    private static Map<String, Object> stored(ZipOutputStream zip, String path, Path file) throws IOException {
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                crc.update(buffer, 0, n);
            }
        }
        long size = Files.size(file);
        ZipEntry entry = new ZipEntry(path);
        entry.setMethod(ZipEntry.STORED);
        entry.setSize(size);
        entry.setCompressedSize(size);
        entry.setCrc(crc.getValue());
        zip.putNextEntry(entry);
        HashingOutputStream hashing = new HashingOutputStream(new NonClosing(zip));
        Files.copy(file, hashing);
        hashing.flush();
        zip.closeEntry();
        return resource(path, hashing.hex(), hashing.count());
    }

    private static void entry(ZipOutputStream zip, String path, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(path));
        zip.write(bytes);
        zip.closeEntry();
    }

    private static Map<String, Object> resource(String path, String sha256, long bytes) {
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("name", path.substring(path.lastIndexOf('/') + 1));
        resource.put("path", path);
        resource.put("hash", "sha256:" + sha256);
        resource.put("bytes", bytes);
        return resource;
    }

    private static void cleanUp(FileChannel channel, Writer pages, SortedLines index, Path... files)
            throws IOException {
        try (channel; pages; index) {
            for (Path file : files) {
                Files.deleteIfExists(file);
            }
        }
    }

    /** Keeps a stream's close from closing the zip under it. */
    private static final class NonClosing extends java.io.FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
