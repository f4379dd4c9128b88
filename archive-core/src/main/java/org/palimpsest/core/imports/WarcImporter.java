package org.palimpsest.core.imports;

import com.fasterxml.jackson.core.type.TypeReference;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.palimpsest.core.article.Page;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.capture.CaptureConfig;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.Sql;

/**
 * Imports WARC and ARC files (plain or gzip) in the background, one at a time on each node: see {@link ImportRun} for
 * what becomes of each record. A job's row is its progress and its end; its spooled upload is removed when it ends.
 * The node running a job holds a lease on it, renewed every third of {@link ImportConfig#lease()}; a running job whose
 * lease ran out (its node was killed, or stopped) is taken over by another node, or by the same one restarted, which
 * imports the spooled file again from its start (what is archived already is skipped) or, when it cannot read the
 * file, ends the job {@code failed}. Every progress write is fenced by the lease: a node that lost a job to another
 * stops importing it.
 */
@ApplicationScoped
public class WarcImporter {
    private static final Logger LOG = Logger.getLogger(WarcImporter.class);
    private static final String COLUMNS = "id, source, file_name, status, seen, imported, skipped, failed, resynced,"
            + " bytes_read, bytes_total, cast(reasons as text) as reasons, error, created_at, finished_at,"
            + " cast(failures as text) as failures, cast(repairs as text) as repairs, takeovers";
    public static final String INTERRUPTED = "the archive stopped while this import ran, and the node that took it over"
            + " cannot read its spooled upload (palimpsest.imports.spool-dir must be shared by the nodes for one to take"
            + " over another's import); the captures imported before are kept: import the file again to import the rest"
            + " (what is archived already is skipped)";

    private static final TypeReference<Map<String, Integer>> REASONS = new TypeReference<>() {
    };

    private final CaptureService captures;
    private final BlobStore blobs;
    private final EntityManager em;
    private final CaptureConfig config;
    private final ImportConfig imports;
    /** This process, as the holder of the leases of the jobs it runs. */
    private final String node = UUID.randomUUID().toString();
    private final ExecutorService worker;
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "import-leases");
        t.setDaemon(true);
        return t;
    });

    public WarcImporter(CaptureService captures, BlobStore blobs, EntityManager em, CaptureConfig config,
            ImportConfig imports) {
        this.captures = captures;
        this.blobs = blobs;
        this.em = em;
        this.config = config;
        this.imports = imports;
        if (imports.workers() < 1) {
            throw new IllegalArgumentException("palimpsest.imports.workers is " + imports.workers()
                    + ": it must be at least 1 (the number of import jobs a node runs at once)");
        }
        this.worker = Executors.newFixedThreadPool(imports.workers(), r -> new Thread(r, "warc-import"));
    }

    void recover(@Observes StartupEvent started) {
        long every = Math.max(1, imports.lease().toMillis() / 3);
        leases.scheduleWithFixedDelay(() -> {
            try {
                renewLeases();
                takeOver(imports.lease());
            } catch (RuntimeException e) {
                LOG.warnf("import leases: %s", e.getMessage());
            }
        }, 0, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        leases.shutdownNow();
        worker.shutdownNow();
    }

    /** Renews the leases of the jobs this node runs or has queued. */
    void renewLeases() {
        QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "update import_job set heartbeat_at = now()"
                + " where status = 'running' and node = ?1").setParameter(1, node).executeUpdate());
    }

    /**
     * Takes over the running jobs of other nodes (or of this node's previous run) whose lease is older than
     * {@code stale}: each is queued here to be imported again from its spooled file, or ended {@code failed} when
     * that file cannot be read here. Answers how many jobs were taken over.
     */
    public int takeOver(Duration stale) {
        List<Tuple> claimed = QuarkusTransaction.requiringNew().call(() -> Sql.list(Sql.rows(em, "update import_job"
                        + " set node = ?1, heartbeat_at = now(), takeovers = takeovers + 1 where id in (select id"
                        + " from import_job where status = 'running' and node is distinct from ?1"
                        + " and heartbeat_at < now() - cast(?2 as bigint) * interval '1 millisecond'"
                        + " order by created_at for update skip locked)"
                        + " returning id, source, file_name, spool_file, agent")
                .setParameter(1, node).setParameter(2, stale.toMillis())));
        for (Tuple job : claimed) {
            UUID id = job.get("id", UUID.class);
            String spooled = job.get("spool_file", String.class);
            if (spooled != null && Files.isReadable(Path.of(spooled))) {
                LOG.warnf("import job %s: its node stopped renewing its lease; taken over, importing %s again",
                        id, spooled);
                run(id, job.get("source", String.class), Path.of(spooled), job.get("file_name", String.class),
                        job.get("agent", String.class));
            } else {
                LOG.warnf("import job %s: its node stopped renewing its lease, and its spooled file is not here:"
                        + " ended failed", id);
                QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "update import_job set"
                        + " status = 'failed', error = ?2, finished_at = now() where id = ?1 and node = ?3")
                        .setParameter(1, id).setParameter(2, INTERRUPTED).setParameter(3, node).executeUpdate());
                delete(spooled);
            }
        }
        return claimed.size();
    }

    /** Starts importing {@code file} (which the job deletes when done) and answers the job. */
    public ImportJob start(String source, Path file, String fileName, String agent) {
        String key = new SourceKey(source).value();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "insert into import_job (id, source, file_name,"
                + " status, spool_file, node, agent) values (?1, ?2, ?3, 'running', ?4, ?5, ?6)").setParameter(1, id)
                .setParameter(2, key).setParameter(3, fileName).setParameter(4, file.toString())
                .setParameter(5, node).setParameter(6, agent).executeUpdate());
        run(id, key, file, fileName, agent);
        return find(id).orElseThrow();
    }

    /** Queues the run of job {@code id}; the spooled file is deleted when it ends, unless another node took it over. */
    private void run(UUID id, String source, Path file, String fileName, String agent) {
        worker.submit(() -> {
            boolean ours = true;
            try {
                new ImportRun(source, fileName, agent, config.limits().maxBytes(), new Store(id)).run(file);
            } catch (ImportRun.LeaseLost lost) {
                ours = false; // the node that took the job over reads the file now
                LOG.warnf("import job %s was taken over by another node; stopped here", id);
            } finally {
                if (ours) {
                    delete(file.toString());
                }
            }
        });
    }

    public Optional<ImportJob> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Sql.list(Sql.rows(em, "select " + COLUMNS
                + " from import_job where id = ?1").setParameter(1, id)).stream().findFirst().map(WarcImporter::job));
    }

    /** The jobs, newest first. */
    public Page<ImportJob> list(int page, int size) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            List<ImportJob> jobs = Sql.list(Sql.rows(em, "select " + COLUMNS + " from import_job"
                    + " order by created_at desc, id limit ?1 offset ?2").setParameter(1, size)
                    .setParameter(2, (long) page * size)).stream().map(WarcImporter::job).toList();
            long total = ((Number) Sql.statement(em, "select count(*) from import_job").getSingleResult()).longValue();
            return new Page<>(jobs, page, size, total);
        });
    }

    private static ImportJob job(Tuple r) {
        return new ImportJob(r.get("id", UUID.class), r.get("source", String.class), r.get("file_name", String.class),
                r.get("status", String.class), count(r, "seen"), count(r, "imported"), count(r, "skipped"),
                count(r, "failed"), count(r, "resynced"), r.get("bytes_read", Number.class).longValue(),
                r.get("bytes_total", Number.class).longValue(), Json.read(r.get("reasons", String.class), REASONS),
                r.get("error", String.class), r.get("created_at", Instant.class),
                r.get("finished_at", Instant.class),
                List.of(Json.read(r.get("failures", String.class), ImportJob.RecordFailure[].class)),
                List.of(Json.read(r.get("repairs", String.class), ImportJob.RecordRepair[].class)),
                count(r, "takeovers"));
    }

    private static int count(Tuple row, String column) {
        return row.get(column, Number.class).intValue();
    }

    private static void delete(String file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(Path.of(file));
        } catch (IOException e) {
            LOG.warnf("could not delete %s: %s", file, e.getMessage());
        }
    }

    /** The archive as a run of job {@code id} needs it. */
    private final class Store implements ImportRun.Archive {
        private final UUID id;

        Store(UUID id) {
            this.id = id;
        }

        @Override
        public List<CaptureService.Outcome> store(List<CaptureRequest> chunk) {
            return captures.ingestAll(chunk);
        }

        @Override
        public Optional<byte[]> content(String sha256) {
            return QuarkusTransaction.requiringNew().call(() -> blobs.get(new ContentDigest(sha256)));
        }

        @Override
        public void keepRecorded(byte[] recorded) {
            QuarkusTransaction.requiringNew().run(() -> blobs.putAll(Map.of(ContentDigest.of(recorded), recorded)));
        }

        @Override
        public Optional<Originals.Original> original(ImportedRecord.Revisit revisit) {
            return QuarkusTransaction.requiringNew().call(() -> {
                Optional<Tuple> found = Optional.empty();
                if (revisit.refersTo().isPresent()) {
                    found = first(Sql.rows(em, ORIGINAL + "(origin -> 'warc' ->> 'recordId') = ?1")
                            .setParameter(1, revisit.refersTo().get()));
                }
                String uri = revisit.refersToUri().orElse(revisit.info().uri());
                if (found.isEmpty() && revisit.refersToDate().isPresent() && uri != null) {
                    found = first(Sql.rows(em, ORIGINAL + "url = ?1 and captured_at = ?2").setParameter(1, uri)
                            .setParameter(2, revisit.refersToDate().get()));
                }
                if (found.isEmpty() && revisit.payloadSha1().isPresent()) {
                    found = first(Sql.rows(em, ORIGINAL + "(origin -> 'warc' ->> 'payloadSha1') = ?1")
                            .setParameter(1, revisit.payloadSha1().get()));
                }
                return found.map(r -> new Originals.Original(revisit.refersTo().orElse(""),
                        r.get("content_type", String.class), r.get("raw_sha256", String.class),
                        r.get("sha1", String.class), uri, revisit.refersToDate().orElse(null)));
            });
        }

        private static final String ORIGINAL = "select raw_sha256, content_type, origin -> 'warc' ->> 'payloadSha1'"
                + " as sha1 from capture where ";

        private Optional<Tuple> first(Query query) {
            return Sql.list(query.setMaxResults(1)).stream().findFirst();
        }

        @Override
        public void progress(ImportRun run, String status, String error) {
            String failures = Json.write(run.failures);
            String reasons = Json.write(run.reasons);
            String repairs = Json.write(run.repairs);
            boolean held = QuarkusTransaction.requiringNew().call(() -> Sql.statement(em, "update import_job set seen = ?2,"
                            + " imported = ?3, skipped = ?4, failed = ?5, status = ?6, error = ?7,"
                            + " failures = cast(?8 as jsonb), reasons = cast(?9 as jsonb), resynced = ?10,"
                            + " bytes_read = ?11, bytes_total = ?12, repairs = cast(?13 as jsonb),"
                            + " finished_at = case when ?6 = 'running' then null else now() end,"
                            + " heartbeat_at = now() where id = ?1 and node = ?14")
                    .setParameter(1, id).setParameter(2, run.seen).setParameter(3, run.imported)
                    .setParameter(4, run.skipped).setParameter(5, run.failed).setParameter(6, status)
                    .setParameter(7, error).setParameter(8, failures).setParameter(9, reasons)
                    .setParameter(10, run.resynced).setParameter(11, run.bytesRead).setParameter(12, run.bytesTotal)
                    .setParameter(13, repairs).setParameter(14, node)
                    .executeUpdate() == 1);
            if (!held) {
                throw new ImportRun.LeaseLost();
            }
        }
    }
}
