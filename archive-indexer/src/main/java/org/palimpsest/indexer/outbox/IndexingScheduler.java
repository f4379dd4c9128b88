package org.palimpsest.indexer.outbox;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.palimpsest.indexer.index.IndexConfig;

/** Drains the outbox every {@code palimpsest.index.poll-every} (default one second, the shortest the scheduler supports) unless turned off. */
@ApplicationScoped
public class IndexingScheduler {
    private final OutboxConsumer consumer;
    private final IndexConfig config;

    public IndexingScheduler(OutboxConsumer consumer, IndexConfig config) {
        this.consumer = consumer;
        this.config = config;
    }

    @Scheduled(every = "${palimpsest.index.poll-every:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void poll() {
        if (config.consumerEnabled()) {
            consumer.drain();
        }
    }
}
