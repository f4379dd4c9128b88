package org.palimpsest.indexer.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.palimpsest.indexer.index.VersionDocuments;
import org.palimpsest.indexer.index.VersionIndex;

/** Outbox status, and rebuilding the index from PostgreSQL behind the alias with no downtime. */
@ApplicationScoped
public class IndexingAdmin {
    static final int PAGE = 1000;

    private final EntityManager em;
    private final VersionDocuments documents;
    private final VersionIndex index;

    public IndexingAdmin(EntityManager em, VersionDocuments documents, VersionIndex index) {
        this.em = em;
        this.documents = documents;
        this.index = index;
    }

    public IndexingStatus status() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Tuple r = (Tuple) em.createNativeQuery("select count(*) filter (where dead_at is null) as backlog,"
                    + " min(created_at) filter (where dead_at is null) as oldest,"
                    + " count(*) filter (where attempts > 0 and dead_at is null) as retrying,"
                    + " count(*) filter (where dead_at is not null) as dead, now() as now from outbox"
                    + " where done_at is null", Tuple.class).getSingleResult();
            String lastError = lastError("dead_at is null");
            String lastDead = lastError("dead_at is not null");
            Instant oldest = r.get("oldest", Instant.class);
            Instant now = r.get("now", Instant.class);
            return new IndexingStatus(r.get("backlog", Number.class).longValue(), oldest,
                    oldest == null ? Duration.ZERO : Duration.between(oldest, now),
                    r.get("retrying", Number.class).longValue(), lastError, r.get("dead", Number.class).longValue(),
                    lastDead);
        });
    }

    private String lastError(String condition) {
        return (String) em.createNativeQuery("select last_error from outbox where done_at is null and last_error"
                        + " is not null and " + condition + " order by id desc limit 1", String.class)
                .getResultStream().findFirst().orElse(null);
    }

    /** Queues every dead letter again, from a first attempt; answers how many. */
    public int retryDeadLetters() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update outbox set dead_at = null,"
                + " attempts = 0, next_attempt = now() where done_at is null and dead_at is not null").executeUpdate());
    }

    /** Rolls the search index over to a new write index now, whatever its size and age. */
    public VersionIndex.Rolled rollover() {
        index.ensureExists();
        return index.rollover(true);
    }

    /** What a rebuild did. */
    public record Reindexed(String index, long documents, long caughtUp) {
    }

    /**
     * Builds a new index from every live version, points the alias at it in one atomic step, then re-writes the
     * versions that changed while it was being built. Searches keep using the old index until the swap.
     */
    public Reindexed reindex() {
        Instant start = QuarkusTransaction.requiringNew().call(
                () -> (Instant) em.createNativeQuery("select now()").getSingleResult());
        index.ensureExists();
        String target = index.createNext();
        long count = 0;
        UUID after = new UUID(0, 0); // the nil UUID sorts first in PostgreSQL (unsigned byte order)
        while (true) {
            UUID from = after;
            VersionDocuments.Batch page = QuarkusTransaction.requiringNew().call(() -> documents.livePage(from, PAGE));
            if (page.upserts().isEmpty()) {
                break;
            }
            index.write(target, page.upserts(), page.deletes());
            count += page.upserts().size();
            after = UUID.fromString(page.upserts().get(page.upserts().size() - 1).versionId());
        }
        index.swapTo(target);
        VersionDocuments.Batch changed = QuarkusTransaction.requiringNew()
                .call(() -> documents.load(documents.changedSince(start)));
        index.write(index.alias(), changed.upserts(), changed.deletes());
        return new Reindexed(target, count, changed.upserts().size() + changed.deletes().size());
    }
}
