package org.palimpsest.indexer.index;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The search index and its feeding ({@code palimpsest.index.*}). */
@ConfigMapping(prefix = "palimpsest.index")
public interface IndexConfig {

    /**
     * The alias searches and writes go through; the indexes behind it are named alias-vN, the newest its write index
     * (more than one after a rollover).
     */
    @WithDefault("palimpsest-versions")
    String alias();

    @WithDefault("1")
    int shards();

    @WithDefault("0")
    int replicas();

    /** Outbox events claimed and bulk-indexed at once. */
    @WithDefault("500")
    int batchSize();

    /**
     * The most a bulk request carries; a batch of documents larger than this goes in several requests (Elasticsearch
     * refuses bodies past its {@code http.max_content_length}, 100 MB by default).
     */
    @WithDefault("10M")
    MemorySize maxBulkBytes();

    /** Whether this process consumes the outbox (turn off to run indexers elsewhere). */
    @WithDefault("true")
    boolean consumerEnabled();

    /**
     * The longest wait between two drains of the outbox: each commit that adds events wakes the indexer at once
     * (LISTEN/NOTIFY); the poll picks up retries that have come due, and is all there is if listening fails.
     */
    @WithDefault("1s")
    Duration pollEvery();

    /**
     * The shortest time between the starts of two indexing rounds. A commit wakes the indexer at once when the last
     * round started longer ago than this, so a capture on a quiet archive is searchable as soon as it is indexed; under
     * load rounds come at most this often, each one larger bulk request and one index refresh instead of one of each
     * for every commit. Measured (docs/benchmarks.md, 2026-12-06): without a floor Elasticsearch took a third of the
     * machine during batch ingest, with 1 s about a seventh, and batch ingest at 100k went from 181 to 219 captures/s.
     */
    @WithDefault("1s")
    Duration minRoundInterval();

    /**
     * Attempts after which a failing event is set aside as a dead letter (shown by {@code GET /api/admin/indexing},
     * queued again by {@code POST /api/admin/indexing/retry}), so that it cannot hold up the rest for ever.
     */
    @WithDefault("20")
    int maxAttempts();

    /** The longest wait before a failed event is tried again (the wait doubles from one second). */
    @WithDefault("PT1M")
    Duration maxBackoff();

    Rollover rollover();

    /**
     * When the write index rolls over to a new one behind the alias (Elasticsearch's {@code _rollover}); searches go
     * to every index behind the alias, and a version's document is updated in the index that holds it.
     */
    interface Rollover {
        /** Roll over once the write index's largest primary shard is this large (Elastic advises 10-50 GB). */
        @WithDefault("30G")
        MemorySize maxPrimaryShardSize();

        /** Or once the write index is this old (by size alone when unset); {@code P30D} rolls over monthly. */
        Optional<Duration> maxAge();

        /** How often each indexing node checks the conditions (Elasticsearch decides; a check is one request). */
        @WithDefault("5M")
        Duration checkEvery();
    }
}
