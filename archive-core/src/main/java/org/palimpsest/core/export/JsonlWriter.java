package org.palimpsest.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Normalizer;

/** JSONL: one record a line, hashing every payload byte, then a {@code {"manifest": ...}} line. */
@ApplicationScoped
public class JsonlWriter implements ExportWriter {
    private static final ObjectMapper JSON = Json.MAPPER;

    @Override
    public ExportFormat format() {
        return ExportFormat.JSONL;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) {
        HashingOutputStream payload = new HashingOutputStream(out);
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                payload.write(JSON.writeValueAsBytes(record));
                payload.write('\n');
            }

            @Override
            public ExportManifest finish(ExportCounts counts, Instant takenAt) throws IOException {
                ExportManifest manifest = new ExportManifest(format().label(), query, takenAt, counts.records(),
                        counts.captures(), payload.hex(), Normalizer.VERSION);
                out.write((JSON.writeValueAsString(Map.of("manifest", manifest)) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                return manifest;
            }
        };
    }
}
