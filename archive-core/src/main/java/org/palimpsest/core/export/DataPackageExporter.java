package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;

/**
 * A Frictionless Data Package (v2) zip: the CSV export as {@code data/versions.csv} (or {@code data/captures.csv}
 * with {@code unit=capture}), streamed into the zip as it is written; {@code datapackage.json} describing it (path,
 * bytes, hash, dialect, and a Table Schema with every column's type and description and the primary key); the
 * export's manifest ({@code palimpsest-manifest.json}); and a {@code README.txt} saying what the dataset is, its query
 * and how to cite it.
 */
@ApplicationScoped
public class DataPackageExporter implements ExportWriter {
    static final String PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json";
    static final String RESOURCE_PROFILE = "https://datapackage.org/profiles/2.0/dataresource.json";
    static final String SCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json";
    static final String DIALECT_PROFILE = "https://datapackage.org/profiles/2.0/tabledialect.json";

    private final CsvWriter csv;

    public DataPackageExporter(CsvWriter csv) {
        this.csv = csv;
    }

    @Override
    public ExportFormat format() {
        return ExportFormat.DATAPACKAGE;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        String name = query.unit() == ExportQuery.Unit.CAPTURE ? "captures" : "versions";
        String path = "data/" + name + ".csv";
        zip.putNextEntry(new ZipEntry(path));
        HashingOutputStream data = new HashingOutputStream(new FilterOutputStream(zip) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void flush() {
                // the zip entry is flushed when it is closed
            }
        });
        Records rows = csv.open(query, data);
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                rows.write(record);
            }

            @Override
            public ExportManifest finish(ExportEnd end) throws IOException {
                rows.finish(end);
                zip.closeEntry();
                ExportManifest manifest = end.manifest(format(), data.hex());
                entry(zip, "datapackage.json", Json.write(descriptor(manifest, name, path, data.count())) + "\n");
                entry(zip, "palimpsest-manifest.json", Json.write(manifest) + "\n");
                entry(zip, "README.txt", readme(manifest, path));
                zip.finish();
                out.flush();
                return manifest;
            }
        };
    }

    /** The data package descriptor: one tabular resource, the CSV, with its size, hash, dialect and schema. */
    static Map<String, Object> descriptor(ExportManifest manifest, String name, String path, long bytes) {
        boolean perCapture = manifest.query().unit() == ExportQuery.Unit.CAPTURE;
        List<String> primaryKey = perCapture ? List.of("versionId", "captureIds") : List.of("versionId");
        List<String> required = List.of("articleId", "versionId", "versionNumber", "contentSha256", "validFrom",
                "captureIds");
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("$schema", SCHEMA_PROFILE);
        schema.put("fields", ExportColumns.ALL.stream().map(c -> c.field(required.contains(c.name()))).toList());
        schema.put("missingValues", List.of(""));
        schema.put("primaryKey", primaryKey);
        Map<String, Object> resource = new LinkedHashMap<>();
        resource.put("$schema", RESOURCE_PROFILE);
        resource.put("name", name);
        resource.put("path", path);
        resource.put("type", "table");
        resource.put("title", perCapture ? "Captures of news articles, a row a capture with its version"
                : "Versions of news articles, a row a version with its captures");
        resource.put("format", "csv");
        resource.put("mediatype", "text/csv");
        resource.put("encoding", "utf-8");
        resource.put("bytes", bytes);
        resource.put("hash", "sha256:" + manifest.payloadSha256());
        resource.put("dialect", Map.of("$schema", DIALECT_PROFILE, "header", true, "delimiter", ",",
                "quoteChar", "\"", "lineTerminator", "\n"));
        resource.put("schema", schema);
        Map<String, Object> pkg = new LinkedHashMap<>();
        pkg.put("$schema", PROFILE);
        pkg.put("name", "palimpsest-export-" + manifest.exportId());
        pkg.put("id", "urn:uuid:" + manifest.exportId());
        pkg.put("title", "Palimpsest news archive export " + manifest.exportId());
        pkg.put("description", "Article versions from the Palimpsest news archive with their text, validity and"
                + " captures; the query is in palimpsest-manifest.json and README.txt.");
        pkg.put("created", manifest.takenAt().toString());
        pkg.put("resources", List.of(resource));
        return pkg;
    }

    static String readme(ExportManifest manifest, String path) {
        return "Palimpsest news archive: a dataset\n\n"
                + "What it is: " + manifest.records() + " records (" + (manifest.query().unit()
                        == ExportQuery.Unit.CAPTURE ? "a row a capture" : "a row an article version") + ", "
                + manifest.captures() + " captures) in " + path + ", a CSV file (UTF-8, RFC 4180 quoting, a header"
                + " line) described column by column in datapackage.json (a Frictionless Data Package v2).\n"
                + "The query: " + Json.write(manifest.query()) + "\n"
                + "Taken at: " + manifest.takenAt() + " (with asOf, the same query gives the same rows however the"
                + " archive grows)\n"
                + "Normaliser version: " + manifest.normaliserVersion() + "\n"
                + "SHA-256 of " + path + ": " + manifest.payloadSha256() + "\n\n"
                + "How to cite it: Palimpsest news archive, export " + manifest.exportId() + " (taken "
                + manifest.takenAt() + "), SHA-256 " + manifest.payloadSha256() + ". The manifest is kept at"
                + " /api/exports/" + manifest.exportId() + "/manifest on the archive that made it.\n";
    }

    private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(text.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
    }
}
