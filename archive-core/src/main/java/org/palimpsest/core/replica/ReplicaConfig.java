package org.palimpsest.core.replica;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The PostgreSQL read replica ({@code palimpsest.replica.*}): a streaming-replication hot standby that answers the
 * read endpoints while it is close enough behind the primary. Its connection is the {@code replica} datasource
 * ({@code quarkus.datasource.replica.*}), active only when this is enabled.
 */
@ConfigMapping(prefix = "palimpsest.replica")
public interface ReplicaConfig {

    /** Whether reads may go to the replica at all. */
    @WithDefault("false")
    boolean enabled();

    /** The furthest behind the primary the replica may be and still answer reads; past it, reads go to the primary. */
    @WithDefault("5S")
    Duration maxLag();

    /** How often the replica's replay position is compared with the primary's. */
    @WithDefault("1S")
    Duration checkEvery();
}
