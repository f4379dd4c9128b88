package org.palimpsest.core.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;

/**
 * JSONL: one record a line and nothing else; the manifest is kept apart, or (asked for inline) follows as a last line
 * {@code {"manifest": ...}}, a field no record has.
 */
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
            public ExportManifest finish(ExportEnd end) throws IOException {
                out.flush();
                return end.manifest(format(), payload.hex());
            }
        };
    }

    /** The line that ends a JSONL export whose manifest is asked for inline. */
    static byte[] manifestLine(ExportManifest manifest) throws IOException {
        return (JSON.writeValueAsString(Map.of("manifest", manifest)) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
