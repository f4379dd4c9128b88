package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Writes exports: the records {@link ExportService} streams, through the writer of the format asked for. */
@ApplicationScoped
public class Exports {
    private final ExportService exports;
    private final Map<ExportFormat, ExportWriter> writers = new EnumMap<>(ExportFormat.class);
    private final Clock clock = Clock.systemUTC();

    public Exports(ExportService exports, Instance<ExportWriter> writers) {
        this.exports = exports;
        writers.forEach(w -> this.writers.put(w.format(), w));
    }

    public ExportManifest write(ExportQuery query, ExportFormat format, OutputStream out) throws IOException {
        ExportWriter.Records records = writers.get(format).open(query, out);
        ExportCounts counts = exports.stream(query, record -> {
            try {
                records.write(record);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return records.finish(counts, clock.instant());
    }
}
