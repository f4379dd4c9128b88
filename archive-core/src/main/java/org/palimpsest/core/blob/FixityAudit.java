package org.palimpsest.core.blob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.palimpsest.core.blob.FixityReport.Problem;
import org.palimpsest.core.blob.FixityReport.Role;
import org.palimpsest.core.blob.FixityReport.State;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.store.Sql;

/**
 * Reads every capture's blobs back and checks each against its digest, in the background, as a repository's fixity
 * audit does; one audit at a time across the nodes, its latest report kept in PostgreSQL ({@link BackgroundJob}).
 */
@ApplicationScoped
public class FixityAudit {
    private static final Logger LOG = Logger.getLogger(FixityAudit.class);
    private static final int PAGE = 1000;
    /** Digests recently found intact: captures of an unchanged page share their bytes, which are read once. */
    private static final int REMEMBERED = 10_000;
    private final BlobStore blobs;
    private final EntityManager em;
    private final BackgroundJob<FixityReport> job;

    public FixityAudit(BlobStore blobs, EntityManager em) {
        this.blobs = blobs;
        this.em = em;
        this.job = new BackgroundJob<>("fixity-audit", FixityReport.class, r -> r.state() == State.RUNNING, em);
    }

    /** Starts an audit, or answers the one running. */
    public FixityReport start() {
        return job.start(() -> new FixityReport(State.RUNNING, blobs.describe(), Instant.now(), null,
                QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from"
                        + " capture").getSingleResult()).longValue()), 0, 0, 0, 0, 0, List.of(), null), this::run);
    }

    public Optional<FixityReport> latest() {
        return job.latest();
    }

    private void run(FixityReport start) {
        Counts counts = new Counts();
        try {
            UUID after = null;
            while (true) {
                UUID from = after;
                after = QuarkusTransaction.requiringNew().call(() -> page(from, counts));
                job.publish(counts.report(start, State.RUNNING, null));
                if (after == null) {
                    break;
                }
            }
            job.publish(counts.report(start, State.DONE, null));
            LOG.infof("fixity audit done: %d captures, %d blobs, %d intact, %d missing, %d corrupt", counts.captures,
                    counts.blobsRead, counts.intact, counts.missing, counts.corrupt);
        } catch (RuntimeException e) {
            LOG.error("fixity audit failed", e);
            job.publish(counts.report(start, State.FAILED, "the audit stopped after " + counts.captures
                    + " captures: it could not read on (" + e.getClass().getSimpleName() + "); start it again"));
        }
    }

    /** Checks one page of captures in id order after {@code after}; answers the last id, or null at the end. */
    private UUID page(UUID after, Counts counts) {
        var query = Sql.rows(em, "select id, raw_sha256, origin -> 'warc' ->> 'recordedSha256' as recorded"
                + " from capture where id > :after order by id limit " + PAGE);
        List<Tuple> rows = Sql.list(query.setParameter("after", after == null ? new UUID(0, 0) : after));
        UUID last = null;
        for (Tuple row : rows) {
            last = row.get("id", UUID.class);
            counts.check(last, row.get("raw_sha256", String.class), Role.CONTENT);
            String recorded = row.get("recorded", String.class);
            if (recorded != null) {
                counts.check(last, recorded, Role.RECORDED);
            }
            counts.captures++;
        }
        return rows.size() < PAGE ? null : last;
    }

    private final class Counts {
        long captures;
        long blobsRead;
        long intact;
        long missing;
        long corrupt;
        final List<Problem> problems = new ArrayList<>();
        final Map<String, Boolean> seen = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > REMEMBERED;
            }
        };

        void check(UUID capture, String sha256, Role role) {
            if (seen.containsKey(sha256)) {
                return;
            }
            blobsRead++;
            BlobState state = blobs.check(new ContentDigest(sha256));
            switch (state) {
                case INTACT -> {
                    intact++;
                    seen.put(sha256, true);
                }
                case MISSING -> missing++;
                case CORRUPT -> corrupt++;
            }
            if (state != BlobState.INTACT && problems.size() < FixityReport.LISTED) {
                problems.add(new Problem(capture.toString(), sha256, role, state));
            }
        }

        FixityReport report(FixityReport start, State state, String error) {
            return new FixityReport(state, start.store(), start.startedAt(),
                    state == State.RUNNING ? null : Instant.now(), start.capturesTotal(), captures, blobsRead, intact,
                    missing, corrupt, List.copyOf(problems), error);
        }
    }

    @PreDestroy
    void stop() {
        job.stop();
    }
}
