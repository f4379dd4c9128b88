package org.palimpsest.core.imports;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.Duration;
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

    /**
     * How long a running job's node may go without renewing its lease (it renews it every third of this) before another
     * node takes the job over. The spool directory must be shared by the nodes (a network file system) for a node to
     * take over another's job; where it cannot read the spooled file, it ends the job failed instead.
     */
    @WithDefault("30S")
    Duration lease();
}
