package org.palimpsest.core.imports;

import io.smallrye.config.ConfigMapping;
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
}
