package org.palimpsest.core.export;

import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.palimpsest.core.digest.HashingOutputStream;

/**
 * CSV (RFC 4180 quoting, by Jackson): a header of {@link ExportColumns}, a row a record, captures joined with
 * {@code ;}, and nothing else, so every CSV reader reads exactly the records; the manifest is kept apart.
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
            public ExportManifest finish(ExportEnd end) throws IOException {
                out.flush();
                return end.manifest(format(), payload.hex());
            }
        };
    }
}
