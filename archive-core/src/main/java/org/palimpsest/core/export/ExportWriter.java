package org.palimpsest.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Normalizer;

/**
 * Writes an export as JSONL (one record a line) or CSV (Jackson CSV quoting, captures joined with {@code ;}), hashing
 * every payload byte, and ends it with the manifest: a {@code {"manifest": ...}} line for JSONL, a {@code # manifest}
 * comment line for CSV.
 */
public final class ExportWriter {
    public enum Format { JSONL, CSV }

    static final String[] COLUMNS = {"articleId", "versionId", "versionNumber", "contentSha256", "headline", "text",
        "source", "url", "canonicalUrl", "validFrom", "validTo", "captureIds", "capturedAts", "rawSha256s",
        "normaliserVersions", "templateVersions"};

    private final ExportService exports;
    private final Clock clock;

    public ExportWriter(ExportService exports, Clock clock) {
        this.exports = exports;
        this.clock = clock;
    }

    public ExportManifest write(ExportQuery query, Format format, OutputStream out) throws IOException {
        HashingOutputStream payload = new HashingOutputStream(out);
        ObjectMapper json = Json.MAPPER;
        CsvMapper csv = new CsvMapper();
        ObjectWriter csvRows = csv.writer(CsvSchema.builder()
                .addColumns(List.of(COLUMNS), CsvSchema.ColumnType.STRING).build().withoutHeader());
        if (format == Format.CSV) {
            payload.write((String.join(",", COLUMNS) + "\n").getBytes(StandardCharsets.UTF_8));
        }
        long[] counts = exports.stream(query, record -> {
            try {
                if (format == Format.JSONL) {
                    payload.write(json.writeValueAsBytes(record));
                    payload.write('\n');
                } else {
                    payload.write(csvRows.writeValueAsBytes(row(record)));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ExportManifest manifest = new ExportManifest(format.name().toLowerCase(Locale.ROOT), query,
                clock.instant(), counts[0], counts[1], payload.hex(), Normalizer.VERSION);
        String line = format == Format.JSONL
                ? json.writeValueAsString(Map.of("manifest", manifest)) + "\n"
                : "# manifest " + json.writeValueAsString(manifest) + "\n";
        out.write(line.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return manifest;
    }

    static Map<String, Object> row(ExportRecord r) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("articleId", r.articleId());
        row.put("versionId", r.versionId());
        row.put("versionNumber", String.valueOf(r.versionNumber()));
        row.put("contentSha256", r.contentSha256());
        row.put("headline", r.headline());
        row.put("text", r.text());
        row.put("source", r.source());
        row.put("url", r.url());
        row.put("canonicalUrl", r.canonicalUrl());
        row.put("validFrom", String.valueOf(r.validFrom()));
        row.put("validTo", r.validTo() == null ? "" : r.validTo().toString());
        row.put("captureIds", join(r, c -> c.captureId()));
        row.put("capturedAts", join(r, c -> String.valueOf(c.capturedAt())));
        row.put("rawSha256s", join(r, c -> c.rawSha256()));
        row.put("normaliserVersions", join(r, c -> c.normaliserVersion()));
        row.put("templateVersions", join(r, c -> String.valueOf(c.templateVersion())));
        return row;
    }

    private static String join(ExportRecord r, Function<ExportRecord.Capture, String> field) {
        return r.captures().stream().map(field).collect(Collectors.joining(";"));
    }
}
