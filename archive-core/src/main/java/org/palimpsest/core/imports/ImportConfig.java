package org.palimpsest.core.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** WARC and ARC imports ({@code palimpsest.imports.*}). */
@ConfigMapping(prefix = "palimpsest.imports")
public interface ImportConfig {
    /**
     * Where uploads are kept on disk until their import ends (the system's temporary directory when unset); it needs
     * room for the largest file imported.
     */
    Optional<Path> spoolDir();

    /** The largest WARC or ARC file taken in one upload; a larger one is refused with 413 before it is kept. */
    @WithDefault("4G")
    MemorySize maxSize();
}
