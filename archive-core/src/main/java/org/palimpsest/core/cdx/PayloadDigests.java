package org.palimpsest.core.cdx;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.store.Sql;

/**
 * Gives the captures stored before the archive kept payload digests (before V15) the digest the CDX server shows:
 * the SHA-1 of the payload as recorded, base32, as WARC tools write it. Runs in the background when the archive
 * starts, a chunk at a time, each chunk its own transaction, so a stop in the middle loses nothing and the next start
 * goes on; an archive with nothing left to fill costs two lookups in an empty partial index (V18).
 */
@ApplicationScoped
public class PayloadDigests {
    private static final Logger LOG = Logger.getLogger(PayloadDigests.class);
    static final int CHUNK = 500;

    private final EntityManager em;
    private final BlobStore blobs;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "payload-digests"));

    public PayloadDigests(EntityManager em, BlobStore blobs) {
        this.em = em;
        this.blobs = blobs;
    }

    void start(@Observes StartupEvent started) {
        worker.submit(() -> {
            try {
                long filled = fill();
                if (filled > 0) {
                    LOG.infof("gave %d captures stored before payload digests were kept their digest", filled);
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "payload digests of older captures not filled; the next start tries again");
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Fills every capture's missing payload digest and answers how many were filled: from the WARC provenance where it
     * holds one, else from the payload as recorded (kept beside the content where decoding changed it), else from the
     * content. A capture whose bytes are missing is left without one (and logged).
     */
    public long fill() {
        long filled = QuarkusTransaction.requiringNew().call(() -> (long) Sql.statement(em, "update capture"
                + " set payload_sha1 = origin -> 'warc' ->> 'payloadSha1' where payload_sha1 is null"
                + " and origin -> 'warc' ->> 'payloadSha1' is not null").executeUpdate());
        UUID after = new UUID(0, 0); // PostgreSQL orders uuids by their bytes, unsigned: this is the least
        while (true) {
            UUID from = after;
            List<Tuple> rows = QuarkusTransaction.requiringNew().call(() -> Sql.list(Sql.rows(em, "select id,"
                    + " coalesce(origin -> 'warc' ->> 'recordedSha256', raw_sha256) as payload from capture"
                    + " where payload_sha1 is null and id > ?1 order by id limit " + CHUNK).setParameter(1, from)));
            if (rows.isEmpty()) {
                return filled;
            }
            filled += QuarkusTransaction.requiringNew().call(() -> fillChunk(rows));
            after = rows.get(rows.size() - 1).get("id", UUID.class);
        }
    }

    private long fillChunk(List<Tuple> rows) {
        Map<String, Optional<String>> sha1s = new HashMap<>();
        StringBuilder values = new StringBuilder();
        List<Object> parameters = new ArrayList<>();
        for (Tuple row : rows) {
            String payload = row.get("payload", String.class);
            Optional<String> sha1 = sha1s.computeIfAbsent(payload, p -> blobs.get(new ContentDigest(p))
                    .map(ContentDigest::sha1Base32));
            if (sha1.isEmpty()) {
                LOG.warnf("capture %s has no bytes (blob %s): it keeps no payload digest", row.get("id"), payload);
                continue;
            }
            values.append(parameters.isEmpty() ? "" : ", ").append("(cast(?").append(parameters.size() + 1)
                    .append(" as uuid), ?").append(parameters.size() + 2).append(')');
            parameters.add(row.get("id", UUID.class));
            parameters.add(sha1.get());
        }
        if (parameters.isEmpty()) {
            return 0;
        }
        Query update = Sql.statement(em, "update capture c set payload_sha1 = v.sha1 from (values " + values
                + ") as v(id, sha1) where c.id = v.id and c.payload_sha1 is null");
        for (int i = 0; i < parameters.size(); i++) {
            update.setParameter(i + 1, parameters.get(i));
        }
        return update.executeUpdate();
    }
}
