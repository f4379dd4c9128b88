package org.palimpsest.core.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Exports: how many stream at once. */
@ConfigMapping(prefix = "palimpsest.export")
public interface ExportConfig {
    /** Exports streaming at once; one more is refused with 503 and Retry-After until one ends. */
    @WithDefault("4")
    int maxConcurrent();

    /** What a refused export is told to wait, in seconds. */
    @WithDefault("10")
    int retryAfterSeconds();
}
