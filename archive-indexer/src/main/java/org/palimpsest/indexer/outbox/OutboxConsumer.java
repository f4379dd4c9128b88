package org.palimpsest.indexer.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.palimpsest.core.store.Sql;
import org.palimpsest.indexer.index.IndexConfig;
import org.palimpsest.indexer.index.IndexingException;
import org.palimpsest.indexer.index.VersionDocuments;
import org.palimpsest.indexer.index.VersionIndex;

/**
 * Moves outbox events into the search index. Each round claims a batch with {@code FOR UPDATE SKIP LOCKED} (so
 * several indexers can run), loads the versions' current state, bulk-writes it, refreshes (so a version is
 * searchable when its event is done, without waiting for the periodic refresh), and marks the events done — or, if
 * Elasticsearch fails, records the error and schedules the events again with a doubling backoff. Nothing is lost:
 * an event stays until its version's state has reached the index.
 */
@ApplicationScoped
public class OutboxConsumer {
    private static final Logger LOG = Logger.getLogger(OutboxConsumer.class);

    private final EntityManager em;
    private final VersionDocuments documents;
    private final VersionIndex index;
    private final IndexConfig config;
    private volatile boolean indexReady;

    public OutboxConsumer(EntityManager em, VersionDocuments documents, VersionIndex index, IndexConfig config) {
        this.em = em;
        this.documents = documents;
        this.index = index;
        this.config = config;
    }

    /** Indexes every due event; returns how many were done. Stops at the first failing batch. */
    @ActivateRequestContext
    public int drain() {
        int done = 0;
        while (true) {
            Round round = QuarkusTransaction.requiringNew().call(this::claimAndIndex);
            done += round.done();
            if (round.done() < config.batchSize()) {
                return done;
            }
        }
    }

    record Round(int done, boolean failed) {
    }

    private Round claimAndIndex() {
        List<Tuple> rows = Sql.list(em.createNativeQuery("select id, aggregate_id from outbox where done_at is null"
                        + " and next_attempt <= now() order by id limit :n for update skip locked", Tuple.class)
                .setParameter("n", config.batchSize()));
        if (rows.isEmpty()) {
            return new Round(0, false);
        }
        List<Long> ids = new ArrayList<>();
        Set<UUID> versions = new LinkedHashSet<>();
        for (Tuple r : rows) {
            ids.add(r.get("id", Number.class).longValue());
            versions.add(r.get("aggregate_id", UUID.class));
        }
        try {
            if (!indexReady) {
                index.ensureExists();
                indexReady = true;
            }
            VersionDocuments.Batch batch = documents.load(versions);
            index.write(index.alias(), batch.upserts(), batch.deletes());
            index.refresh();
            em.createNativeQuery("update outbox set done_at = now(), last_error = null where id in (:ids)")
                    .setParameter("ids", ids).executeUpdate();
            return new Round(ids.size(), false);
        } catch (RuntimeException e) {
            LOG.warnf("indexing %d outbox events failed, will retry: %s", ids.size(), e.getMessage());
            em.createNativeQuery("update outbox set attempts = attempts + 1, last_error = :error,"
                            + " next_attempt = now() + least(interval '1 second' * power(2, attempts),"
                            + " make_interval(secs => :max)) where id in (:ids)")
                    .setParameter("error", e.getMessage()).setParameter("max", (double) config.maxBackoff().toSeconds())
                    .setParameter("ids", ids).executeUpdate();
            return new Round(0, true);
        }
    }
}
