package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
 * over them, {@code bag-info.txt} (Bagging-Date, Payload-Oxum, the query) and {@code tagmanifest-sha256.txt}. Each
 * entry is streamed and hashed as it is written.
 */
@ApplicationScoped
public class BagExporter {
    static final String ROOT = "palimpsest-bag/";

    private final ExportService exports;
    private final WarcExporter warc;

    public BagExporter(ExportService exports, WarcExporter warc) {
        this.exports = exports;
        this.warc = warc;
    }

    public void write(ExportQuery query, OutputStream out, Clock clock) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        Map<String, String> payload = new LinkedHashMap<>();
        long[] oxum = new long[2];
        ExportManifest manifest = entry(zip, "data/versions.jsonl", payload, oxum,
                o -> new ExportWriter(exports, clock).write(query, ExportWriter.Format.JSONL, o));
        entry(zip, "data/captures.warc", payload, oxum, o -> warc.write(query, o, clock));
        Map<String, String> tags = new LinkedHashMap<>();
        tag(zip, "bagit.txt", "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n", tags);
        StringBuilder manifestFile = new StringBuilder();
        payload.forEach((path, sha) -> manifestFile.append(sha).append("  ").append(path).append('\n'));
        tag(zip, "manifest-sha256.txt", manifestFile.toString(), tags);
        tag(zip, "bag-info.txt", "Source-Organization: Palimpsest news archive\n"
                + "Bagging-Date: " + clock.instant().atOffset(ZoneOffset.UTC).toLocalDate() + "\n"
                + "Payload-Oxum: " + oxum[0] + "." + oxum[1] + "\n"
                + "External-Description: versions (JSONL) and captures (WARC 1.1) of a Palimpsest export\n"
                + "Palimpsest-Query: " + Json.write(query) + "\n"
                + "Palimpsest-Records: " + manifest.records() + "\n"
                + "Palimpsest-Captures: " + manifest.captures() + "\n", tags);
        StringBuilder tagManifest = new StringBuilder();
        tags.forEach((path, sha) -> tagManifest.append(sha).append("  ").append(path).append('\n'));
        zip.putNextEntry(new ZipEntry(ROOT + "tagmanifest-sha256.txt"));
        zip.write(tagManifest.toString().getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.finish();
        out.flush();
    }

    interface Body {
        ExportManifest write(OutputStream out) throws IOException;
    }

    private static ExportManifest entry(ZipOutputStream zip, String path, Map<String, String> payload, long[] oxum,
            Body body) throws IOException {
        zip.putNextEntry(new ZipEntry(ROOT + path));
        HashingOutputStream counting = new HashingOutputStream(zip);
        ExportManifest manifest = body.write(counting);
        zip.closeEntry();
        payload.put(path, counting.hex());
        oxum[0] += counting.count();
        oxum[1]++;
        return manifest;
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
