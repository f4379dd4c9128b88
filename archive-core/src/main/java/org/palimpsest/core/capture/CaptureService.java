package org.palimpsest.core.capture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.palimpsest.core.blob.BlobStore;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.decode.Extractor;
import org.palimpsest.core.decode.PageMetadata;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.identity.CanonicalUrl;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.outbox.OutboxEvents;
import org.palimpsest.core.placement.GroupPrefetch;
import org.palimpsest.core.placement.GroupReads;
import org.palimpsest.core.placement.Placement;
import org.palimpsest.core.placement.SourceLock;
import org.palimpsest.core.store.Sql;

/**
 * Takes captures in. A capture is validated before anything is written, then stored with its blob and derived
 * into its article and version in one transaction: it is either wholly there or not at all. Idempotency is
 * enforced by the database's unique constraints.
 */
@ApplicationScoped
public class CaptureService {
    private final CaptureValidator validator;
    private final BlobStore blobs;
    private final SourceLock lock;
    private final Placement placement;
    private final GroupPrefetch prefetch;
    private final OutboxEvents outbox;
    private final EntityManager em;
    private final Set<String> knownSources = ConcurrentHashMap.newKeySet();
    private final int transactionTimeoutSeconds;
    private final TransactionSynchronizationRegistry transactions;

    public CaptureService(CaptureConfig config, BlobStore blobs, SourceLock lock, Placement placement,
            GroupPrefetch prefetch, OutboxEvents outbox, EntityManager em, TransactionSynchronizationRegistry transactions) {
        this.prefetch = prefetch;
        this.outbox = outbox;
        this.validator = new CaptureValidator(config.limits(), Clock.systemUTC());
        this.transactionTimeoutSeconds = config.transactionTimeoutSeconds();
        this.blobs = blobs;
        this.lock = lock;
        this.placement = placement;
        this.em = em;
        this.transactions = transactions;
    }

    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "palimpsest.capture.transaction-timeout-seconds")
    public IngestResult ingest(CaptureRequest request) {
        return store(List.of(prepare(request))).get(0);
    }

    /** A capture validated and read, ready to be stored: all the work that needs no database. */
    private record Prepared(ValidCapture capture, Extraction extraction) {
    }

    private Prepared prepare(CaptureRequest request) {
        ValidCapture capture = validator.validate(request);
        return new Prepared(capture, Extractor.extract(capture.text(), capture.mediaType()));
    }

    /**
     * What became of one request of a batch: its result, or the failure that kept it out — an {@link ArchiveException}
     * when the request was refused, anything else when storing it failed.
     */
    public record Outcome(IngestResult result, RuntimeException failure) {
    }

    /**
     * Ingests several captures, answering in their order. Each source's captures are stored in one transaction,
     * under one take of the source's lock; if that transaction fails, they are stored again one by one, so that one
     * capture's failure is reported for it alone and never undoes another's. Refusals (bad input) are answered
     * without touching the database.
     */
    public List<Outcome> ingestAll(List<CaptureRequest> requests) {
        Outcome[] outcomes = new Outcome[requests.size()];
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        Prepared[] prepared = new Prepared[requests.size()];
        for (int i = 0; i < requests.size(); i++) {
            try {
                prepared[i] = prepare(requests.get(i));
                bySource.computeIfAbsent(prepared[i].capture().source().value(), k -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) { // refused, or a capture the extractor could not read
                outcomes[i] = new Outcome(null, e);
            }
        }
        for (List<Integer> group : bySource.values()) {
            try {
                List<IngestResult> results = QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds)
                        .call(() -> store(group.stream().map(i -> prepared[i]).toList()));
                for (int k = 0; k < group.size(); k++) {
                    outcomes[group.get(k)] = new Outcome(results.get(k), null);
                }
            } catch (RuntimeException groupFailed) {
                for (int i : group) {
                    try {
                        outcomes[i] = new Outcome(QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds)
                                .call(() -> store(List.of(prepared[i])).get(0)), null);
                    } catch (RuntimeException e) {
                        outcomes[i] = new Outcome(null, e);
                    }
                }
            }
        }
        return List.of(outcomes);
    }

    /**
     * The payload's digest as WARC tools write it (SHA-1, base32), for the CDX server: for a capture read from a WARC
     * file the payload as recorded there, else its bytes.
     */
    private static String payloadSha1(ValidCapture capture) {
        return capture.origin().warc().map(WarcProvenance::payloadSha1)
                .orElseGet(() -> ContentDigest.sha1Base32(capture.content()));
    }

    /**
     * Stores captures of one source and places them, in their order, inside the caller's transaction. Blobs and
     * capture rows are written first, all in a few statements; a capture that repeats a stored one is answered with
     * that one. Placing a capture may re-derive the whole source, which places every capture stored so far — the
     * rest of the group included, which is then not placed again (derivation is a function of the set of captures,
     * so this is what placing them one by one would reach).
     */
    private List<IngestResult> store(List<Prepared> group) {
        String source = group.get(0).capture().source().value();
        lock.lock(source);
        ensureSource(source);
        Map<ContentDigest, byte[]> contents = new LinkedHashMap<>();
        group.forEach(p -> contents.putIfAbsent(p.capture().rawDigest(), p.capture().content()));
        blobs.putAll(contents);
        Instant ingestedAt = Instant.now();
        List<Object[]> rows = new ArrayList<>(group.size());
        UUID[] ids = new UUID[group.size()];
        for (int i = 0; i < group.size(); i++) {
            ValidCapture capture = group.get(i).capture();
            Extraction extraction = group.get(i).extraction();
            // The page's own canonical address stands for a capture without a URL or with parameters added to it.
            Optional<CanonicalUrl> canonical = CanonicalUrl.of(capture.url().map(CaptureUrl::value),
                    Optional.ofNullable(extraction.page()).map(PageMetadata::canonicalUrl).map(PageMetadata.Fact::value));
            ids[i] = UUID.randomUUID();
            rows.add(new Object[] {ids[i], source, capture.url().map(CaptureUrl::value).orElse(null),
                    canonical.map(CanonicalUrl::url).orElse(null), canonical.map(CanonicalUrl::surtKey).orElse(null),
                    capture.capturedAt(), capture.capturedAtOrigin().name(), ingestedAt, capture.rawDigest().hex(),
                    (long) capture.content().length, capture.mediaType().original(), Json.write(capture.origin()),
                    Json.write(extraction), payloadSha1(capture)});
        }
        Set<UUID> inserted = new HashSet<>(Sql.insertAllReturningIds(em, "capture", """
                id, source, url, canonical_url, url_key, captured_at, captured_at_origin, ingested_at, raw_sha256,
                raw_size, content_type, origin, extracted, payload_sha1""",
                "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), cast(? as jsonb), ?",
                rows));
        SourceCapture[] toPlace = new SourceCapture[group.size()];
        for (int i = 0; i < group.size(); i++) {
            if (inserted.contains(ids[i])) {
                ValidCapture capture = group.get(i).capture();
                toPlace[i] = new SourceCapture(ids[i].toString(), capture.capturedAt(), capture.rawDigest().hex(),
                        capture.url().map(CaptureUrl::value), Optional.ofNullable((String) rows.get(i)[4]),
                        group.get(i).extraction());
            }
        }
        GroupReads reads = group.size() == 1 ? GroupReads.none()
                : prefetch.read(source, Arrays.stream(toPlace).filter(Objects::nonNull).toList());
        List<IngestResult> results = new ArrayList<>(group.size());
        boolean placedByRederivation = false;
        for (int i = 0; i < group.size(); i++) {
            ValidCapture capture = group.get(i).capture();
            String url = capture.url().map(CaptureUrl::value).orElse(null);
            if (toPlace[i] == null) {
                results.add(new IngestResult(existing(capture, url), IngestResult.Rederived.NONE));
            } else if (placedByRederivation) {
                results.add(new IngestResult(ids[i], IngestResult.Rederived.SOURCE));
            } else {
                String canonicalUrl = (String) rows.get(i)[3];
                placedByRederivation = placement.place(source, toPlace[i], canonicalUrl, reads);
                results.add(new IngestResult(ids[i],
                        placedByRederivation ? IngestResult.Rederived.SOURCE : IngestResult.Rederived.ARTICLE));
                em.flush();
                if (placedByRederivation) {
                    em.clear(); // it held every capture of the source: later captures start from an empty session
                }
            }
        }
        outbox.flush();
        return results;
    }

    private void ensureSource(String source) {
        if (knownSources.contains(source)) {
            return;
        }
        em.createNativeQuery("insert into source (key) values (?1) on conflict (key) do nothing")
                .setParameter(1, source).executeUpdate();
        // Sources are never deleted, so once this transaction commits the row is there for good; not before (a batch
        // stores several captures in one transaction, which may still roll back).
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    knownSources.add(source);
                }
            }
        });
    }

    /** Re-derives a source from its stored captures (after a change of normalisation settings, say). */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "palimpsest.capture.transaction-timeout-seconds")
    public void rederive(SourceKey source) {
        if (em.createNativeQuery("select 1 from source where key = ?1").setParameter(1, source.value())
                .getResultList().isEmpty()) {
            throw ArchiveException.notFound("no captures of source '" + source + "' yet");
        }
        lock.lock(source.value());
        placement.rederive(source.value());
    }

    private UUID existing(ValidCapture capture, String url) {
        String timeCondition = capture.capturedAtOrigin() == CaptureTimeOrigin.INGEST
                ? "captured_at_origin = 'INGEST'" : "captured_at = ?4";
        var query = em.createNativeQuery("select id from capture where source = ?1 and coalesce(url, '') = ?2"
                        + " and raw_sha256 = ?3 and " + timeCondition, UUID.class)
                .setParameter(1, capture.source().value())
                .setParameter(2, url == null ? "" : url)
                .setParameter(3, capture.rawDigest().hex());
        if (capture.capturedAtOrigin() != CaptureTimeOrigin.INGEST) {
            query.setParameter(4, capture.capturedAt());
        }
        List<?> ids = query.getResultList();
        if (ids.isEmpty()) {
            throw new IllegalStateException("capture conflicted with a row that is not there");
        }
        return (UUID) ids.get(0);
    }
}
