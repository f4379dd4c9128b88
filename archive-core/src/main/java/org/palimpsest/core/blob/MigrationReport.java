package org.palimpsest.core.blob;

import java.time.Instant;
import java.util.List;

/**
 * Blobs moving out of PostgreSQL into the file store, running or finished.
 *
 * @param total blob rows in the database when the migration started; {@code moved} of them are now files, their rows
 *     deleted
 * @param corrupt rows left in the database because their bytes fail their digest (never moved as if they were good)
 */
public record MigrationReport(State state, String to, Instant startedAt, Instant finishedAt, long total, long moved,
        List<String> corrupt, String error) {

    public enum State {
        RUNNING, DONE, FAILED
    }
}
