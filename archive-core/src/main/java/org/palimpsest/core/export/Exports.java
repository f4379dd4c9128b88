package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import org.palimpsest.core.error.ArchiveException;

/**
 * Writes exports: the records {@link ExportService} streams, through the writer of the format asked for. Each export
 * has an id from its start and its manifest is kept ({@link ExportManifests}) once the last record is written.
 */
@ApplicationScoped
public class Exports {
    /** An export that has an id and is about to stream. */
    public record Started(UUID id, ExportQuery query, ExportFormat format, ManifestPlacement placement) {
    }

    private final ExportService exports;
    private final ExportManifests manifests;
    private final Map<ExportFormat, ExportWriter> writers = new EnumMap<>(ExportFormat.class);
    private final Clock clock = Clock.systemUTC();

    public Exports(ExportService exports, ExportManifests manifests, Instance<ExportWriter> writers) {
        this.exports = exports;
        this.manifests = manifests;
        writers.forEach(w -> this.writers.put(w.format(), w));
    }

    /** Gives the export its id and enters it as streaming; its bytes follow through {@link #write}. */
    public Started start(ExportQuery query, ExportFormat format, ManifestPlacement placement) {
        if (placement == ManifestPlacement.INLINE && format != ExportFormat.JSONL) {
            throw ArchiveException.invalid("manifest=inline is for format=jsonl: a " + format.label()
                    + " export keeps its manifest at /api/exports/{id}/manifest");
        }
        UUID id = UUID.randomUUID();
        manifests.started(id, format);
        return new Started(id, query, format, placement);
    }

    /**
     * Writes the export and keeps its manifest before the last byte leaves (so a client that has the whole payload
     * finds the manifest); an export that fails is entered as failed, with why.
     */
    public ExportManifest write(Started export, OutputStream out) throws IOException {
        try {
            ExportWriter.Records records = writers.get(export.format()).open(export.query(), out);
            ExportCounts counts = exports.stream(export.query(), record -> {
                try {
                    records.write(record);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            ExportManifest manifest = records.finish(
                    new ExportEnd(export.id().toString(), export.query(), counts, clock.instant()));
            if (export.placement() == ManifestPlacement.INLINE) {
                out.write(JsonlWriter.manifestLine(manifest));
            }
            manifests.completed(manifest);
            out.flush();
            return manifest;
        } catch (IOException | RuntimeException e) {
            manifests.failed(export.id(), e instanceof IOException || e instanceof UncheckedIOException
                    ? "the stream was cut off before its end (the client went away or the connection failed)"
                    : "the export failed: " + e.getMessage());
            throw e;
        }
    }
}
