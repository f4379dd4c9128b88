package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;

/**
 * A BagIt (RFC 8493) zip: {@code data/versions.jsonl} and {@code data/captures.warc}, {@code manifest-sha256.txt}
 * over them, {@code bag-info.txt} (Bagging-Date, Payload-Oxum, the query), the export's manifest
 * ({@code palimpsest-manifest.json}, its payload digest that of the versions) and {@code tagmanifest-sha256.txt}.
 * <p>
 * Both payload files come from one read of the export, so they describe the same snapshot: each record goes to the
 * WARC, streamed into the zip as it is written, and to the JSONL, spooled to a temporary file (text only, the smaller
 * of the two) that follows it into the zip. Every entry is hashed as it is written.
 */
@ApplicationScoped
public class BagExporter implements ExportWriter {
    static final String ROOT = "palimpsest-bag/";
    private static final String VERSIONS = "data/versions.jsonl";
    private static final String CAPTURES = "data/captures.warc";
    /** The export's manifest, a tag file (so the tag manifest covers it). */
    static final String MANIFEST = "palimpsest-manifest.json";

    private final JsonlWriter jsonl;
    private final WarcExporter warc;

    public BagExporter(JsonlWriter jsonl, WarcExporter warc) {
        this.jsonl = jsonl;
        this.warc = warc;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.BAG;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Path spool = Files.createTempFile("palimpsest-bag-", ".jsonl");
        OutputStream spooled = Files.newOutputStream(spool);
        zip.putNextEntry(new ZipEntry(ROOT + CAPTURES));
        HashingOutputStream captures = new HashingOutputStream(zip);
        Records versionRecords;
        Records captureRecords;
        try {
            versionRecords = jsonl.open(query, spooled);
            captureRecords = warc.open(query, captures);
        } catch (IOException | RuntimeException e) {
            spooled.close();
            Files.deleteIfExists(spool);
            throw e;
        }
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                versionRecords.write(record);
                captureRecords.write(record);
            }

            @Override
            public ExportManifest finish(ExportEnd end) throws IOException {
                try {
                    versionRecords.finish(end);
                    spooled.close();
                    captureRecords.finish(end);
                    zip.closeEntry();
                    Map<String, String> payload = new LinkedHashMap<>();
                    zip.putNextEntry(new ZipEntry(ROOT + VERSIONS));
                    HashingOutputStream versions = new HashingOutputStream(zip);
                    Files.copy(spool, versions);
                    zip.closeEntry();
                    payload.put(VERSIONS, versions.hex());
                    payload.put(CAPTURES, captures.hex());
                    ExportManifest manifest = end.manifest(format(), payload.get(VERSIONS));
                    writeTags(zip, manifest, payload, versions.count() + captures.count());
                    zip.finish();
                    out.flush();
                    return manifest;
                } finally {
                    spooled.close();
                    Files.deleteIfExists(spool);
                }
            }
        };
    }

    private static void writeTags(ZipOutputStream zip, ExportManifest manifest, Map<String, String> payload,
            long payloadBytes) throws IOException {
        Map<String, String> tags = new LinkedHashMap<>();
        tag(zip, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", tags);
        StringBuilder manifestFile = new StringBuilder();
        payload.forEach((path, sha) -> manifestFile.append(sha).append("  ").append(path).append('\n'));
        tag(zip, "manifest-sha256.txt", manifestFile.toString(), tags);
        tag(zip, "bag-info.txt", "Source-Organization: Palimpsest news archive\n"
                + "Bagging-Date: " + manifest.takenAt().atOffset(ZoneOffset.UTC).toLocalDate() + "\n"
                + "Payload-Oxum: " + payloadBytes + "." + payload.size() + "\n"
                + "External-Description: versions (JSONL) and captures (WARC 1.1) of a Palimpsest export\n"
                + "Palimpsest-Export-Id: " + manifest.exportId() + "\n"
                + "Palimpsest-Query: " + Json.write(manifest.query()) + "\n"
                + "Palimpsest-Records: " + manifest.records() + "\n"
                + "Palimpsest-Captures: " + manifest.captures() + "\n", tags);
        tag(zip, MANIFEST, Json.write(manifest) + "\n", tags);
        StringBuilder tagManifest = new StringBuilder();
        tags.forEach((path, sha) -> tagManifest.append(sha).append("  ").append(path).append('\n'));
        zip.putNextEntry(new ZipEntry(ROOT + "tagmanifest-sha256.txt"));
        zip.write(tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }

    private static void tag(ZipOutputStream zip, String path, String content, Map<String, String> tags)
            throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        zip.putNextEntry(new ZipEntry(ROOT + path));
        zip.write(bytes);
        zip.closeEntry();
        tags.put(path, ContentDigest.of(bytes).hex());
    }
}
