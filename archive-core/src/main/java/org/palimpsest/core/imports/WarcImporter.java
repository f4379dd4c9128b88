package org.palimpsest.core.imports;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcRevisit;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.SourceKey;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.export.WarcExporter;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.BlobStore;
import org.palimpsest.core.store.Sql;

/**
 * Imports a WARC or WARC.gz file in the background: every response (HTTP headers taken off) or resource record of
 * text/html or text/plain becomes a capture (url from WARC-Target-URI, time from WARC-Date, origin the file and record
 * id); a revisit whose original is in the file becomes a capture of the original's bytes at the revisit's time. Each
 * record is its own transaction; a truncated or malformed file ends the job as failed, keeping what came before.
 */
@ApplicationScoped
public class WarcImporter {
    private static final Logger LOG = Logger.getLogger(WarcImporter.class);
    private static final Set<String> TEXT = Set.of("text/html", "text/plain", "application/xhtml+xml");
    private static final String OWN_URN = WarcExporter.CAPTURE_URN;
    static final int PROGRESS_EVERY = 25;
    /** Records stored together (each source's in one transaction); fewer when they are large. */
    static final int CHUNK_RECORDS = 100;
    static final long CHUNK_BYTES = 8_000_000;

    private final CaptureService captures;
    private final BlobStore blobs;
    private final EntityManager em;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "warc-import"));

    public WarcImporter(CaptureService captures, BlobStore blobs, EntityManager em) {
        this.captures = captures;
        this.blobs = blobs;
        this.em = em;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Starts importing {@code file} (which the job deletes when done) and answers the job. */
    public ImportJob start(String source, Path file, String fileName, String agent) {
        String key = new SourceKey(source).value();
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "insert into import_job (id, source, file_name,"
                + " status) values (?1, ?2, ?3, 'running')").setParameter(1, id).setParameter(2, key)
                .setParameter(3, fileName).executeUpdate());
        worker.submit(() -> run(id, key, file, fileName, agent));
        return find(id).orElseThrow();
    }

    public Optional<ImportJob> find(UUID id) {
        return QuarkusTransaction.joiningExisting().call(() -> Sql.list(Sql.rows(em, "select id, source, status,"
                        + " seen, imported, skipped, failed, error, created_at, finished_at,"
                        + " cast(failures as text) as failures from import_job where id = ?1")
                .setParameter(1, id)).stream().findFirst().map(r -> new ImportJob(r.get("id", UUID.class),
                        r.get("source", String.class), r.get("status", String.class), count(r, "seen"),
                        count(r, "imported"), count(r, "skipped"), count(r, "failed"), r.get("error", String.class),
                        r.get("created_at", Instant.class), r.get("finished_at", Instant.class),
                        List.of(Json.read(r.get("failures", String.class), ImportJob.RecordFailure[].class)))));
    }

    private static int count(Tuple row, String column) {
        return row.get(column, Number.class).intValue();
    }

    /** A record read and waiting to be stored with the others of its chunk. */
    private record Pending(String recordId, CaptureRequest request) {
    }

    private void run(UUID id, String source, Path file, String fileName, String agent) {
        int[] counts = new int[4]; // seen, imported, skipped, failed
        List<ImportJob.RecordFailure> failures = new ArrayList<>();
        Map<String, String[]> originals = new HashMap<>(); // stored record id -> {content type, raw sha256}
        Map<String, Pending> pending = new LinkedHashMap<>(); // read, not yet stored
        long pendingBytes = 0;
        String brokeOff = null;
        try (WarcReader reader = new WarcReader(file)) {
            reader.onWarning(w -> LOG.debugf("WARC warning in %s: %s", fileName, w));
            for (Optional<WarcRecord> next = reader.next(); next.isPresent(); next = reader.next()) {
                counts[0]++;
                Optional<Pending> read = read(next.get(), source, fileName, agent, originals, pending);
                if (read.isEmpty()) {
                    counts[2]++;
                } else {
                    pending.put(read.get().recordId(), read.get());
                    pendingBytes += read.get().request().content().length;
                }
                if (pending.size() >= CHUNK_RECORDS || pendingBytes >= CHUNK_BYTES) {
                    store(pending, counts, originals, failures);
                    pendingBytes = 0;
                }
                if (counts[0] % PROGRESS_EVERY == 0) {
                    progress(id, counts, "running", null, failures);
                }
            }
        } catch (IOException | RuntimeException e) {
            brokeOff = "the WARC file breaks off after record " + counts[0] + " (" + e.getMessage() + ")";
        } finally {
            try {
                store(pending, counts, originals, failures); // what was read before the file broke off is kept too
                progress(id, counts, brokeOff == null ? "completed" : "failed", brokeOff == null ? null
                        : brokeOff + "; the " + counts[1] + " captures imported before it are kept", failures);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    LOG.warnf("could not delete %s: %s", file, e.getMessage());
                }
            }
        }
    }

    /** The capture a record holds, if it holds one of text: a response, a resource, or a revisit of one. */
    private Optional<Pending> read(WarcRecord record, String source, String fileName, String agent,
            Map<String, String[]> originals, Map<String, Pending> pending) throws IOException {
        String contentType;
        byte[] bytes;
        String url;
        if (record instanceof WarcResponse response) {
            contentType = response.http().contentType().toString();
            bytes = response.http().body().stream().readAllBytes();
            url = response.target();
        } else if (record instanceof WarcResource resource) {
            contentType = resource.contentType().toString();
            bytes = resource.body().stream().readAllBytes();
            url = resource.target();
        } else if (record instanceof WarcRevisit revisit && revisit.refersTo().isPresent()
                && pending.containsKey(revisit.refersTo().get().toString())) {
            CaptureRequest original = pending.get(revisit.refersTo().get().toString()).request();
            contentType = original.contentType();
            bytes = original.content();
            url = revisit.target();
        } else if (record instanceof WarcRevisit revisit && revisit.refersTo().isPresent()
                && originals.containsKey(revisit.refersTo().get().toString())) {
            String[] original = originals.get(revisit.refersTo().get().toString());
            contentType = original[0];
            bytes = blobs.get(new ContentDigest(original[1])).orElseThrow();
            url = revisit.target();
        } else {
            return Optional.empty();
        }
        if (!TEXT.contains(MediaType.parseLeniently(contentType).base().toString())) {
            return Optional.empty();
        }
        return Optional.of(new Pending(record.id().toString(), new CaptureRequest(source,
                Optional.ofNullable(url).filter(u -> !u.startsWith(OWN_URN)), Optional.of(record.date().toString()),
                contentType, bytes, new CaptureOrigin(CaptureOrigin.Channel.WARC_IMPORT, agent,
                        Optional.of(fileName + " " + record.id())))));
    }

    /** Stores the pending captures together (see {@link CaptureService#ingestAll}) and counts what became of each. */
    private void store(Map<String, Pending> pending, int[] counts, Map<String, String[]> originals,
            List<ImportJob.RecordFailure> failures) {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> chunk = List.copyOf(pending.values());
        pending.clear();
        List<CaptureService.Outcome> outcomes = captures.ingestAll(chunk.stream().map(Pending::request).toList());
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            CaptureService.Outcome outcome = outcomes.get(i);
            if (outcome.failure() == null) {
                originals.put(p.recordId(), new String[] {p.request().contentType(),
                        ContentDigest.of(p.request().content()).hex()});
                counts[outcome.result().created() ? 1 : 2]++;
            } else {
                counts[3]++;
                String detail;
                if (outcome.failure() instanceof ArchiveException) {
                    detail = outcome.failure().getMessage();
                    LOG.debugf("record %s refused: %s", p.recordId(), detail);
                } else {
                    detail = "it could not be stored (an internal error, logged); import the file again to retry it";
                    LOG.warnf(outcome.failure(), "record %s could not be stored", p.recordId());
                }
                if (failures.size() < ImportJob.MAX_FAILURES_LISTED) {
                    failures.add(new ImportJob.RecordFailure(p.recordId(), detail));
                }
            }
        }
    }

    private void progress(UUID id, int[] counts, String status, String error, List<ImportJob.RecordFailure> failures) {
        String failed = Json.write(failures);
        QuarkusTransaction.requiringNew().run(() -> Sql.statement(em, "update import_job set seen = ?2, imported = ?3,"
                        + " skipped = ?4, failed = ?5, status = ?6, error = ?7, failures = cast(?8 as jsonb),"
                        + " finished_at = case when ?6 = 'running' then null else now() end where id = ?1")
                .setParameter(1, id).setParameter(2, counts[0]).setParameter(3, counts[1]).setParameter(4, counts[2])
                .setParameter(5, counts[3]).setParameter(6, status).setParameter(7, error).setParameter(8, failed)
                .executeUpdate());
    }
}
