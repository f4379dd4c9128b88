package org.palimpsest.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kernel's page cache, dropped so that a measurement reads from disk what an archive that has not been read for a
 * while would: the first export and the COPY it is set beside. Only root on Linux may drop it.
 */
final class PageCache {
    private static final Path DROP = Path.of("/proc/sys/vm/drop_caches");

    private PageCache() {
    }

    /** Writes dirty pages out, then drops the clean ones; false when this process may not. */
    static boolean drop() {
        if (!Files.isWritable(DROP)) {
            return false;
        }
        try {
            if (new ProcessBuilder("sync").inheritIO().start().waitFor() != 0) {
                return false;
            }
            Files.writeString(DROP, "3\n");
            return true;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
