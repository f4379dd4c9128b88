package org.palimpsest.core.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import org.palimpsest.core.error.ArchiveException;

/**
 * Bounds how many exports stream at once: each holds a database connection and a core for as long as its client reads,
 * so beyond {@link ExportConfig#maxConcurrent()} an export is refused at once (503, Retry-After) rather than queued.
 */
@ApplicationScoped
public class ExportSlots {
    private final ExportConfig config;
    private final Semaphore slots;

    public ExportSlots(ExportConfig config) {
        this.config = config;
        this.slots = new Semaphore(config.maxConcurrent());
    }

    /** A slot for one export, held until it is closed; refused when every slot is taken. */
    public Slot take() {
        if (!slots.tryAcquire()) {
            throw ArchiveException.busy(config.maxConcurrent() + " exports are streaming, as many as this archive runs"
                    + " at once (palimpsest.export.max-concurrent): try again in " + config.retryAfterSeconds() + " s",
                    config.retryAfterSeconds());
        }
        return new Slot(slots);
    }

    /** One export's slot: closing it (once) lets the next export in. */
    public static final class Slot implements AutoCloseable {
        private final Semaphore slots;
        private boolean closed;

        private Slot(Semaphore slots) {
            this.slots = slots;
        }

        @Override
        public synchronized void close() {
            if (!closed) {
                closed = true;
                slots.release();
            }
        }
    }
}
