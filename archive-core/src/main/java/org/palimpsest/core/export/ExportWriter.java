package org.palimpsest.core.export;

import java.io.IOException;
import java.io.OutputStream;

/** Writes one export format: what comes before the records, each record, and an end that carries the manifest. */
public interface ExportWriter {

    ExportFormat format();

    /** Begins an export of {@code query} on {@code out}; the records follow through what this answers. */
    Records open(ExportQuery query, OutputStream out) throws IOException;

    /** An export being written. */
    interface Records {
        void write(ExportRecord record) throws IOException;

        /** Ends the export and answers its manifest. */
        ExportManifest finish(ExportEnd end) throws IOException;
    }
}
