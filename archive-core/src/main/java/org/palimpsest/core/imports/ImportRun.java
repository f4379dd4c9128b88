package org.palimpsest.core.imports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.capture.CaptureRequest;
import org.palimpsest.core.capture.CaptureService;
import org.palimpsest.core.capture.WarcProvenance;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.export.WarcExporter;

/**
 * One import of one file: reads its records in order, stores their captures a chunk at a time (each source's in one
 * transaction), resolves revisits against the file (earlier or later in it) and then the archive, and counts what
 * became of every record. Not thread-safe: a run is one thread's.
 */
final class ImportRun {
    private static final Logger LOG = Logger.getLogger(ImportRun.class);
    static final int PROGRESS_EVERY = 25;
    /** Records stored together; fewer when they are large. */
    static final int CHUNK_RECORDS = 100;
    static final long CHUNK_BYTES = 8_000_000;
    private static final int MAX_REQUESTS_REMEMBERED = 1000;

    /** What the run needs of the archive. */
    interface Archive {
        List<CaptureService.Outcome> store(List<CaptureRequest> chunk);

        /** The bytes of a stored capture's content. */
        Optional<byte[]> content(String sha256);

        /** Keeps the payload as recorded where decoding changed it. */
        void keepRecorded(byte[] recorded);

        /** A capture archived before this run that a revisit refers to. */
        Optional<Originals.Original> original(ImportedRecord.Revisit revisit);

        void progress(ImportRun run, String status, String error);
    }

    /** A capture read and waiting to be stored with the others of its chunk. */
    private record Pending(RecordInfo info, CaptureRequest request) {
    }

    private final String source;
    private final String fileName;
    private final String agent;
    private final long maxBytes;
    private final Archive archive;
    private final Originals originals = new Originals();
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private final List<ImportedRecord.Revisit> deferred = new ArrayList<>();
    /** Requests and metadata read before the capture they describe (wget's order), by URI. */
    private final Map<String, String> requests = remembered();
    private final Map<String, Map<String, List<String>>> metadata = remembered();
    private long pendingBytes;
    private Optional<String> crawler = Optional.empty();

    int seen;
    int imported;
    int skipped;
    int failed;
    int resynced;
    long bytesRead;
    long bytesTotal;
    final Map<String, Integer> reasons = new TreeMap<>();
    final List<ImportJob.RecordFailure> failures = new ArrayList<>();
    final List<ImportJob.RecordRepair> repairs = new ArrayList<>();

    /** The job was taken over by another node (its lease ran out here): this run stops, leaving it the file. */
    static final class LeaseLost extends RuntimeException {
        LeaseLost() {
            super("the import job was taken over by another node", null, false, false);
        }
    }

    ImportRun(String source, String fileName, String agent, long maxBytes, Archive archive) {
        this.source = source;
        this.fileName = fileName;
        this.agent = agent;
        this.maxBytes = maxBytes;
        this.archive = archive;
    }

    /** Imports the file; a file that breaks off ends the run failed, keeping every capture read before. */
    void run(Path file) {
        String brokeOff = null;
        try (RecordScanner scanner = new RecordScanner(file)) {
            bytesTotal = scanner.size();
            RecordReading reading = new RecordReading(fileName, maxBytes);
            for (var next = scanner.next(); next.isPresent(); next = scanner.next()) {
                seen++;
                ImportedRecord record = reading.read(next.get().offset(), next.get().record(), next.get().repair());
                record.info().repair().ifPresent(repair -> repaired(record.info(), repair));
                handle(record);
                bytesRead = scanner.bytesRead();
                resynced = scanner.resynced();
                if (seen % PROGRESS_EVERY == 0) {
                    archive.progress(this, "running", null);
                }
            }
            resynced = scanner.resynced();
            bytesRead = bytesTotal;
        } catch (LeaseLost lost) {
            throw lost;
        } catch (IOException | RuntimeException e) {
            brokeOff = "the file breaks off after record " + seen + " (" + e.getMessage() + ")";
            LOG.debugf(e, "import of %s broke off", fileName);
        }
        flush(); // what was read before the file broke off is kept too
        resolveDeferred();
        flush();
        archive.progress(this, brokeOff == null ? "completed" : "failed", brokeOff == null ? null
                : brokeOff + "; the " + imported + " captures imported before it are kept");
    }

    private void handle(ImportedRecord record) {
        if (record instanceof ImportedRecord.Text text) {
            text(text);
        } else if (record instanceof ImportedRecord.Revisit revisit) {
            if (!revisit(revisit, originals.find(revisit))) {
                deferred.add(revisit); // its original may come later in the file
            }
        } else if (record instanceof ImportedRecord.Crawler info) {
            crawler = info.software().or(() -> crawler);
            skip(ImportReason.NOT_A_CAPTURE);
        } else if (record instanceof ImportedRecord.Request request) {
            if (!attach(request.concurrentTo(), w -> w.withRequest(request.headers()))
                    && request.info().uri() != null) {
                requests.put(request.info().uri(), request.headers());
            }
            skip(ImportReason.NOT_A_CAPTURE);
        } else if (record instanceof ImportedRecord.Metadata fields) {
            if (!attach(fields.concurrentTo(), w -> w.withMetadata(fields.fields())) && fields.info().uri() != null) {
                metadata.put(fields.info().uri(), fields.fields());
            }
            skip(ImportReason.NOT_A_CAPTURE);
        } else if (record instanceof ImportedRecord.Skipped skip) {
            if (skip.reason() == ImportReason.NOT_TEXT) {
                originals.notText(skip.info());
            }
            skip(skip.reason());
        } else if (record instanceof ImportedRecord.Failed failure) {
            fail(failure.info(), failure.reason(), failure.detail());
        }
    }

    private void text(ImportedRecord.Text text) {
        RecordInfo info = text.info();
        text.recorded().ifPresent(archive::keepRecorded);
        String sha256 = ContentDigest.of(text.content()).hex();
        WarcProvenance provenance = new WarcProvenance(fileName, info.offset(), info.recordId(), info.type(),
                text.status(), crawler,
                Optional.ofNullable(info.uri()).map(requests::remove), text.payloadSha1(), text.declaredDigest(),
                text.digestCheck(), text.contentEncoding(),
                text.recorded().map(r -> ContentDigest.of(r).hex()), Optional.empty(), info.repair(),
                Optional.ofNullable(info.uri()).map(metadata::remove));
        add(info, text.contentType(), text.content(), provenance);
        originals.add(new Originals.Original(info.recordId(), text.contentType(), sha256, text.payloadSha1(),
                info.uri(), info.date()));
    }

    /** Imports a revisit as a capture of its original's content; false when the original is not known (yet). */
    private boolean revisit(ImportedRecord.Revisit revisit, Optional<Originals.Original> found) {
        if (found.isEmpty()) {
            if (originals.ofNotText(revisit)) {
                skip(ImportReason.NOT_TEXT);
                return true;
            }
            return false;
        }
        Originals.Original original = found.get();
        Pending stillPending = pending.get(original.recordId());
        Optional<byte[]> content = stillPending != null ? Optional.of(stillPending.request().content())
                : archive.content(original.sha256());
        if (content.isEmpty()) {
            fail(revisit.info(), ImportReason.ORIGINAL_NOT_FOUND, revisit.describe()
                    + ": the original was read but could not be stored");
            return true;
        }
        RecordInfo info = revisit.info();
        add(info, original.contentType(), content.get(), new WarcProvenance(fileName, info.offset(),
                info.recordId(), info.type(), revisit.status(), crawler, Optional.empty(), original.payloadSha1(),
                revisit.payloadSha1().map(sha1 -> "sha1:" + sha1), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(revisit.describe()), info.repair(), Optional.empty()));
        return true;
    }

    private void resolveDeferred() {
        for (ImportedRecord.Revisit revisit : deferred) {
            Optional<Originals.Original> found = originals.find(revisit);
            if (found.isEmpty() && !originals.ofNotText(revisit)) {
                found = archive.original(revisit);
            }
            if (!revisit(revisit, found)) {
                fail(revisit.info(), ImportReason.ORIGINAL_NOT_FOUND, revisit.describe()
                        + ": the original is neither in this file nor archived; import the file that holds it first");
            }
        }
        deferred.clear();
    }

    /**
     * Adds what a request or metadata record says to the provenance of the capture it was written with, while that
     * capture waits to be stored (Heritrix writes them after it); false when there is no such capture.
     */
    private boolean attach(Optional<String> concurrentTo, UnaryOperator<WarcProvenance> change) {
        Pending capture = concurrentTo.map(pending::get).orElse(null);
        if (capture == null) {
            return false;
        }
        CaptureRequest r = capture.request();
        WarcProvenance provenance = change.apply(r.origin().warc().orElseThrow());
        pending.put(capture.info().recordId(), new Pending(capture.info(), new CaptureRequest(r.source(), r.url(),
                r.capturedAt(), r.contentType(), r.content(), CaptureOrigin.warc(r.origin().agent(), provenance))));
        return true;
    }

    private static <V> Map<String, V> remembered() {
        return new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_REQUESTS_REMEMBERED;
            }
        };
    }

    /**
     * Keeps a capture to be stored with the others of its chunk; a full chunk is stored first, so the records written
     * after a capture (its request, its metadata) find it still waiting.
     */
    private void add(RecordInfo info, String contentType, byte[] content, WarcProvenance provenance) {
        if (pending.size() >= CHUNK_RECORDS || pendingBytes >= CHUNK_BYTES) {
            flush();
        }
        String url = info.uri() == null || info.uri().startsWith(WarcExporter.CAPTURE_URN) ? null : info.uri();
        pending.put(info.recordId(), new Pending(info, new CaptureRequest(source, Optional.ofNullable(url),
                Optional.of(info.date().toString()), contentType, content, CaptureOrigin.warc(agent, provenance))));
        pendingBytes += content.length;
    }

    /** Stores the pending captures together and counts what became of each. */
    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Pending> chunk = List.copyOf(pending.values());
        pending.clear();
        pendingBytes = 0;
        List<CaptureService.Outcome> outcomes = archive.store(chunk.stream().map(Pending::request).toList());
        for (int i = 0; i < chunk.size(); i++) {
            Pending p = chunk.get(i);
            CaptureService.Outcome outcome = outcomes.get(i);
            if (outcome.failure() == null) {
                if (outcome.result().created()) {
                    imported++;
                } else {
                    skip(ImportReason.ALREADY_ARCHIVED);
                }
            } else if (outcome.failure() instanceof ArchiveException refused) {
                fail(p.info(), ImportReason.REFUSED, refused.getMessage());
            } else {
                LOG.warnf(outcome.failure(), "record %s of %s could not be stored", p.info().recordId(), fileName);
                fail(p.info(), ImportReason.NOT_STORED, "it could not be stored (an internal error, logged);"
                        + " import the file again to retry it");
            }
        }
    }

    private void skip(ImportReason reason) {
        skipped++;
        reasons.merge(reason.key(), 1, Integer::sum);
    }

    private void repaired(RecordInfo info, String repair) {
        if (repairs.size() < ImportJob.MAX_FAILURES_LISTED) {
            repairs.add(new ImportJob.RecordRepair(info.offset(), info.recordId(), info.type(), info.uri(), repair));
        }
    }

    private void fail(RecordInfo info, ImportReason reason, String detail) {
        failed++;
        reasons.merge(reason.key(), 1, Integer::sum);
        if (failures.size() < ImportJob.MAX_FAILURES_LISTED) {
            failures.add(new ImportJob.RecordFailure(info.offset(), info.recordId(), info.type(), info.uri(),
                    detail));
        }
    }

}
