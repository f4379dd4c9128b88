package org.palimpsest.core.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.palimpsest.core.digest.HashingOutputStream;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Normalizer;

/**
 * CSV: a header of {@link ExportColumns}, a row a record (Jackson CSV quoting, captures joined with {@code ;}),
 * hashing every payload byte, then a {@code # manifest} comment line.
 */
@ApplicationScoped
public class CsvWriter implements ExportWriter {
    private final ObjectWriter rows = new CsvMapper().writer(CsvSchema.builder()
            .addColumns(ExportColumns.names(), CsvSchema.ColumnType.STRING).build().withoutHeader());

    @Override
    public ExportFormat format() {
        return ExportFormat.CSV;
    }

    @Override
    public Records open(ExportQuery query, OutputStream out) throws IOException {
        HashingOutputStream payload = new HashingOutputStream(out);
        payload.write((String.join(",", ExportColumns.names()) + "\n").getBytes(StandardCharsets.UTF_8));
        return new Records() {
            @Override
            public void write(ExportRecord record) throws IOException {
                Map<String, Object> row = new LinkedHashMap<>();
                ExportColumns.ALL.forEach(c -> row.put(c.name(), c.value().apply(record)));
                payload.write(rows.writeValueAsBytes(row));
            }

            @Override
            public ExportManifest finish(ExportCounts counts, Instant takenAt) throws IOException {
                ExportManifest manifest = new ExportManifest(format().label(), query, takenAt, counts.records(),
                        counts.captures(), payload.hex(), Normalizer.VERSION);
                out.write(("# manifest " + Json.MAPPER.writeValueAsString(manifest) + "\n")
                        .getBytes(StandardCharsets.UTF_8));
                out.flush();
                return manifest;
            }
        };
    }
}
