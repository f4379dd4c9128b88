package org.palimpsest.core.export;

import java.time.Instant;
import org.palimpsest.core.normalize.Normalizer;

/** How an export ended: its id, what it held and when it was taken; a writer adds its format and payload digest. */
public record ExportEnd(String exportId, ExportQuery query, ExportCounts counts, Instant takenAt) {

    public ExportManifest manifest(ExportFormat format, String payloadSha256) {
        return new ExportManifest(exportId, format.label(), query, takenAt, counts.records(), counts.captures(),
                payloadSha256, Normalizer.VERSION);
    }
}
