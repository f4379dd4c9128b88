package org.palimpsest.indexer.outbox;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.palimpsest.core.loop.LoopThread;
import org.palimpsest.indexer.index.IndexConfig;
import org.palimpsest.indexer.index.VersionIndex;

/**
 * This instance's indexer, unless {@code palimpsest.index.consumer-enabled} is false: one thread that drains the
 * outbox, then waits for a commit that adds events (or the poll interval, for retries), and again — no more often
 * than {@code palimpsest.index.min-round-interval} if that is set; every {@code palimpsest.index.rollover.check-every}
 * it also asks Elasticsearch to roll the write index over if its conditions are met. Started with the
 * application and stopped before it shuts down, so no round runs against a closing container.
 */
@ApplicationScoped
public class IndexingLoop {
    private static final Logger LOG = Logger.getLogger(IndexingLoop.class);

    private final OutboxConsumer consumer;
    private final IndexConfig config;
    private final DataSource db;
    private final VersionIndex index;
    private final LoopThread loop = new LoopThread("palimpsest-indexer");
    private long lastRolloverCheck = System.nanoTime();

    public IndexingLoop(OutboxConsumer consumer, IndexConfig config, DataSource db, VersionIndex index) {
        this.consumer = consumer;
        this.config = config;
        this.db = db;
        this.index = index;
    }

    void start(@Observes StartupEvent event) {
        if (config.consumerEnabled()) {
            loop.start(this::run);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        loop.stop();
    }

    private void rolloverIfDue() {
        if (System.nanoTime() - lastRolloverCheck < config.rollover().checkEvery().toNanos()) {
            return;
        }
        lastRolloverCheck = System.nanoTime();
        try {
            index.rollover(false);
        } catch (RuntimeException e) {
            LOG.warnf("rollover check failed, will try again: %s", e.getMessage());
        }
    }

    private void run() {
        try (OutboxWakeUps wakeUps = new OutboxWakeUps(db, config.pollEvery())) {
            while (loop.running()) {
                long started = System.nanoTime();
                try {
                    consumer.drain();
                } catch (RuntimeException e) {
                    LOG.warnf("indexing round failed, will try again: %s", e.getMessage());
                }
                rolloverIfDue();
                wakeUps.await();
                // With a min-round-interval, a trickle of single commits goes in one round per interval instead of a
                // bulk request and an index refresh each.
                LoopThread.restOf(config.minRoundInterval(), started);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Error e) {
            // Not ours to swallow (an OutOfMemoryError from elsewhere in the process lands in whichever thread
            // allocates next), but the thread must not end in silence: indexing would stop for good.
            LOG.errorf(e, "the indexer thread stopped; outbox events wait until the application is restarted");
            throw e;
        }
    }
}
