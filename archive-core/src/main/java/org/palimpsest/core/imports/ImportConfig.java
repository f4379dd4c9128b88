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

    /**
     * How many import jobs a node runs at once; the others wait their turn, in the order they came. A job stores its
     * records a chunk at a time, each chunk's captures in one transaction: with one job at a time the API waits on
     * PostgreSQL and PostgreSQL on the API, with two both work (as two batch requests at once do).
     */
    @WithDefault("2")
    int workers();
}
