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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceRederiver;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.identity.CanonicalUrl;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Extraction;
import org.palimpsest.core.normalize.Extractor;
import org.palimpsest.core.store.BlobStore;

/**
 * Takes captures in. A capture is validated before anything is written, then stored with its blob and derived
 * into its article and version in one transaction: it is either wholly there or not at all. Idempotency is
 * enforced by the database's unique constraints.
 */
@ApplicationScoped
public class CaptureService {
    private final CaptureValidator validator;
    private final BlobStore blobs;
    private final SourceRederiver rederiver;
    private final EntityManager em;
    private final Set<String> knownSources = ConcurrentHashMap.newKeySet();
    private final int transactionTimeoutSeconds;
    private final TransactionSynchronizationRegistry transactions;

    public CaptureService(CaptureConfig config, BlobStore blobs, SourceRederiver rederiver, EntityManager em,
            TransactionSynchronizationRegistry transactions) {
        this.validator = new CaptureValidator(config.limits(), Clock.systemUTC());
        this.transactionTimeoutSeconds = config.transactionTimeoutSeconds();
        this.blobs = blobs;
        this.rederiver = rederiver;
        this.em = em;
        this.transactions = transactions;
    }

    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "palimpsest.capture.transaction-timeout-seconds")
    public IngestResult ingest(CaptureRequest request) {
        return store(prepare(request));
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
                        .call(() -> group.stream().map(i -> {
                            IngestResult result = store(prepared[i]);
                            em.flush();
                            em.clear(); // each capture starts from an empty session, as it would on its own
                            return result;
                        }).toList());
                for (int k = 0; k < group.size(); k++) {
                    outcomes[group.get(k)] = new Outcome(results.get(k), null);
                }
            } catch (RuntimeException groupFailed) {
                for (int i : group) {
                    try {
                        outcomes[i] = new Outcome(QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds)
                                .call(() -> store(prepared[i])), null);
                    } catch (RuntimeException e) {
                        outcomes[i] = new Outcome(null, e);
                    }
                }
            }
        }
        return List.of(outcomes);
    }

    /** Stores a prepared capture and places it, inside the caller's transaction. */
    private IngestResult store(Prepared prepared) {
        ValidCapture capture = prepared.capture();
        Extraction extraction = prepared.extraction();
        String source = capture.source().value();
        rederiver.lock(source);
        if (!knownSources.contains(source)) {
            em.createNativeQuery("insert into source (key) values (?1) on conflict (key) do nothing")
                    .setParameter(1, source).executeUpdate();
            // Sources are never deleted, so once this transaction commits the row is there for good; not before (a
            // batch stores several captures in one transaction, which may still roll back).
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
        blobs.put(capture.rawDigest(), capture.content());
        UUID id = UUID.randomUUID();
        String url = capture.url().map(CaptureUrl::value).orElse(null);
        CanonicalUrl canonical = capture.url().map(u -> CanonicalUrl.of(u.value())).orElse(null);
        int inserted = em.createNativeQuery("""
                        insert into capture (id, source, url, canonical_url, url_key, captured_at, captured_at_origin,
                            ingested_at, raw_sha256, raw_size, content_type, origin, extracted)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, cast(?12 as jsonb), cast(?13 as jsonb))
                        on conflict do nothing""")
                .setParameter(1, id)
                .setParameter(2, source)
                .setParameter(3, url)
                .setParameter(4, canonical == null ? null : canonical.url())
                .setParameter(5, canonical == null ? null : canonical.surtKey())
                .setParameter(6, capture.capturedAt())
                .setParameter(7, capture.capturedAtOrigin().name())
                .setParameter(8, Instant.now())
                .setParameter(9, capture.rawDigest().hex())
                .setParameter(10, (long) capture.content().length)
                .setParameter(11, capture.mediaType().original())
                .setParameter(12, Json.write(capture.origin()))
                .setParameter(13, Json.write(extraction))
                .executeUpdate();
        if (inserted == 0) {
            return new IngestResult(existing(capture, url), false, false);
        }
        SourceCapture placed = new SourceCapture(id.toString(), capture.capturedAt(), capture.rawDigest().hex(),
                Optional.ofNullable(url), Optional.ofNullable(canonical).map(CanonicalUrl::surtKey), extraction);
        boolean rederived = rederiver.place(source, placed, canonical == null ? null : canonical.url());
        return new IngestResult(id, true, rederived);
    }

    /** Re-derives a source from its stored captures (after a change of normalisation settings, say). */
    @Transactional
    @TransactionConfiguration(timeoutFromConfigProperty = "palimpsest.capture.transaction-timeout-seconds")
    public void rederive(SourceKey source) {
        if (em.createNativeQuery("select 1 from source where key = ?1").setParameter(1, source.value())
                .getResultList().isEmpty()) {
            throw ArchiveException.notFound("no captures of source '" + source + "' yet");
        }
        rederiver.lock(source.value());
        rederiver.rederive(source.value());
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
