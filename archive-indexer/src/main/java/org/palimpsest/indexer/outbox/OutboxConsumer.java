package org.palimpsest.indexer.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * searchable when its event is done, without waiting for the periodic refresh), and marks the events done. When
 * Elasticsearch refuses some documents, only their events fail; when it cannot be reached, all of them: a failed event
 * records the error and is scheduled again with a doubling backoff (capped), and after
 * {@code palimpsest.index.max-attempts} it is set aside as a dead letter, so one event Elasticsearch refuses for good
 * never holds up the others. Nothing is lost: an event stays until its version's state has reached the index.
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
                        + " and dead_at is null and next_attempt <= now() order by id limit :n for update skip locked",
                        Tuple.class)
                .setParameter("n", config.batchSize()));
        if (rows.isEmpty()) {
            return new Round(0, false);
        }
        List<Long> ids = new ArrayList<>();
        Set<UUID> versions = new LinkedHashSet<>();
        Map<String, List<Long>> eventsOf = new HashMap<>();
        for (Tuple r : rows) {
            long id = r.get("id", Number.class).longValue();
            UUID version = r.get("aggregate_id", UUID.class);
            ids.add(id);
            versions.add(version);
            eventsOf.computeIfAbsent(version.toString(), k -> new ArrayList<>()).add(id);
        }
        try {
            if (!indexReady) {
                index.ensureExists();
                indexReady = true;
            }
            VersionDocuments.Batch batch = documents.load(versions);
            Map<String, String> refused = index.writeEach(index.alias(), batch.upserts(), batch.deletes());
            index.refresh();
            List<Long> done = new ArrayList<>(ids);
            refused.forEach((version, reason) -> {
                List<Long> events = eventsOf.getOrDefault(version, List.of());
                done.removeAll(events);
                fail(events, "Elasticsearch refused version " + version + ": " + reason, true);
            });
            if (!done.isEmpty()) {
                em.createNativeQuery("update outbox set done_at = now(), last_error = null"
                        + " where id = any(cast(:ids as bigint[]))").setParameter("ids", Sql.array(done))
                        .executeUpdate();
            }
            if (!refused.isEmpty()) {
                LOG.warnf("Elasticsearch refused %d of %d versions; their events will be retried", refused.size(),
                        versions.size());
            }
            return new Round(done.size(), !refused.isEmpty());
        } catch (RuntimeException e) {
            LOG.warnf("indexing %d outbox events failed, will retry: %s", ids.size(), e.getMessage());
            fail(ids, e.getMessage(), false);
            return new Round(0, true);
        }
    }

    /**
     * Records a failure of the events: one more attempt, the error, the next try after a doubling wait (the exponent
     * capped, so the interval never overflows). An event whose document Elasticsearch refused ({@code refused}) is set
     * aside as a dead letter after its last attempt; one that failed because Elasticsearch could not be reached is
     * retried for as long as that lasts.
     */
    private void fail(List<Long> events, String error, boolean refused) {
        if (events.isEmpty()) {
            return;
        }
        em.createNativeQuery("update outbox set attempts = attempts + 1, last_error = :error,"
                        + " next_attempt = now() + least(interval '1 second' * power(2, least(attempts, 30)),"
                        + " make_interval(secs => :max)),"
                        + " dead_at = case when :refused and attempts + 1 >= :maxAttempts then now() end"
                        + " where id = any(cast(:ids as bigint[]))")
                .setParameter("error", error).setParameter("max", (double) config.maxBackoff().toSeconds())
                .setParameter("maxAttempts", config.maxAttempts()).setParameter("refused", refused)
                .setParameter("ids", Sql.array(events)).executeUpdate();
    }
}
