package org.palimpsest.core.blob;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.palimpsest.core.blob.MigrationReport.State;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.store.Sql;

/**
 * Moves the blobs PostgreSQL holds (every capture's bytes, before they moved out) into the blob store, in the
 * background: a page of rows at a time, each checked against its digest, written and forced to disk, and only then its
 * row deleted, in one transaction a page. Reads keep working throughout (the blob store reads what is not moved yet
 * from the database), and a migration stopped half-way is simply started again.
 */
@ApplicationScoped
public class BlobMigration {
    private static final Logger LOG = Logger.getLogger(BlobMigration.class);
    private static final int PAGE = 200;
    private final BlobStore blobs;
    private final EntityManager em;
    private final BackgroundJob<MigrationReport> job;

    public BlobMigration(BlobStore blobs, EntityManager em) {
        this.blobs = blobs;
        this.em = em;
        this.job = new BackgroundJob<>("blob-migration", MigrationReport.class, r -> r.state() == State.RUNNING, em);
    }

    /** Starts moving the database's blobs out, or answers the migration running. */
    public MigrationReport start() {
        if (!(blobs instanceof StoredFormTarget target)) {
            throw ArchiveException.invalid("the blob store is the database (palimpsest.blobs.store=database), so there"
                    + " is nowhere to move blobs to: set palimpsest.blobs.store to filesystem (with"
                    + " palimpsest.blobs.directory) or s3 (with palimpsest.blobs.s3.*), restart, and start the"
                    + " migration again");
        }
        return job.start(() -> new MigrationReport(State.RUNNING, target.describe(), Instant.now(), null, rowsLeft(), 0,
                List.of(), null), start -> run(target, start));
    }

    public Optional<MigrationReport> latest() {
        return job.latest();
    }

    /** Blob rows PostgreSQL still holds. */
    public long rowsLeft() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("select count(*) from blob").getSingleResult()).longValue());
    }

    private void run(StoredFormTarget target, MigrationReport start) {
        List<String> corrupt = new ArrayList<>();
        long moved = 0;
        try {
            String after = "";
            while (true) {
                String from = after;
                Page page = QuarkusTransaction.requiringNew().call(() -> move(target, from, corrupt));
                moved += page.moved();
                job.publish(report(start, State.RUNNING, moved, corrupt, null));
                if (page.last() == null) {
                    break;
                }
                after = page.last();
            }
            job.publish(report(start, State.DONE, moved, corrupt, null));
            LOG.infof("moved %d blob(s) out of PostgreSQL into %s; %d corrupt left there", moved, start.to(),
                    corrupt.size());
        } catch (RuntimeException e) {
            LOG.error("the blob migration failed", e);
            job.publish(report(start, State.FAILED, moved, corrupt, "the migration stopped after " + moved
                    + " blobs (the rest are still read from the database): " + (e instanceof UncheckedIOException
                    ? "the blob store could not be written" : "it could not read on")
                    + "; start it again once that is fixed"));
        }
    }

    private static MigrationReport report(MigrationReport start, State state, long moved, List<String> corrupt,
            String error) {
        return new MigrationReport(state, start.to(), start.startedAt(), state == State.RUNNING ? null : Instant.now(),
                start.total(), moved, List.copyOf(corrupt), error);
    }

    private record Page(int moved, String last) {
    }

    /** Moves the page of rows after {@code after}, in sha256 order; the page's last key, or null at the end. */
    private Page move(StoredFormTarget target, String after, List<String> corrupt) {
        List<Tuple> rows = Sql.list(Sql.rows(em, "select sha256, data from blob where sha256 > :after order by sha256"
                + " limit " + PAGE).setParameter("after", after));
        List<String> done = new ArrayList<>(rows.size());
        for (Tuple row : rows) {
            ContentDigest digest = new ContentDigest(row.get("sha256", String.class));
            byte[] stored = row.get("data", byte[].class);
            try {
                StoredForm.open(digest, stored);
                target.putStored(digest, stored);
                done.add(digest.hex());
            } catch (CorruptBlobException e) {
                corrupt.add(digest.hex());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!done.isEmpty()) {
            em.createNativeQuery("delete from blob where sha256 = any(cast(:done as text[]))")
                    .setParameter("done", Sql.array(done)).executeUpdate();
        }
        return new Page(done.size(), rows.size() < PAGE ? null : rows.get(rows.size() - 1).get("sha256", String.class));
    }

    @PreDestroy
    void stop() {
        job.stop();
    }
}
