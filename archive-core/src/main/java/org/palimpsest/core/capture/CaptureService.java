package org.palimpsest.core.capture;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
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
import org.palimpsest.core.placement.CaptureRows;
import org.palimpsest.core.placement.GroupPrefetch;
import org.palimpsest.core.placement.GroupReads;
import org.palimpsest.core.placement.Placement;
import org.palimpsest.core.placement.SourceLock;
import org.palimpsest.core.store.AfterCommit;

/**
 * Takes captures in. A capture is validated before anything is written, then stored with its blob and derived
 * into its article and version in one transaction: it is either wholly there or not at all. Idempotency is
 * enforced by the database's unique constraints.
 */
@ApplicationScoped
public class CaptureService {
    private final CaptureValidator validator;
    private final CaptureInbox inbox;
    private final BlobStore blobs;
    private final SourceLock lock;
    private final Placement placement;
    private final GroupPrefetch prefetch;
    private final OutboxEvents outbox;
    private final EntityManager em;
    private final Set<String> knownSources = ConcurrentHashMap.newKeySet();
    private final int transactionTimeoutSeconds;
    private final TransactionSynchronizationRegistry transactions;
    private final StoredRepeats repeats;

    public CaptureService(CaptureConfig config, BlobStore blobs, SourceLock lock, Placement placement,
            GroupPrefetch prefetch, OutboxEvents outbox, EntityManager em, TransactionSynchronizationRegistry transactions,
            CaptureInbox inbox, StoredRepeats repeats) {
        this.prefetch = prefetch;
        this.repeats = repeats;
        this.inbox = inbox;
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

    /**
     * A capture validated and read, ready to be stored: all the work that needs no database. {@code promised}: the id
     * an accepted capture was promised (then in the inbox), else null.
     */
    private record Prepared(ValidCapture capture, Extraction extraction, UUID promised) {
    }

    private Prepared prepare(CaptureRequest request) {
        return prepare(validator.validate(request), null);
    }

    private static Prepared prepare(ValidCapture capture, UUID promised) {
        return new Prepared(capture, Extractor.extract(capture.text(), capture.mediaType()), promised);
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
     * without touching the database. Sources whose lock another transaction holds (another batch storing captures of
     * the same source) are stored after the others, so that concurrent batches work on different sources instead of
     * queueing behind each other's locks.
     */
    public List<Outcome> ingestAll(List<CaptureRequest> requests) {
        return ingestAll(requests.size(), i -> prepare(requests.get(i)));
    }

    /**
     * Stores captures accepted into the inbox earlier, as {@link #ingestAll} stores a batch: each under the id it was
     * promised (or as the capture it repeats), validated against the time it arrived, its inbox row deleted in the
     * transaction that stores it.
     */
    public List<Outcome> ingestAccepted(List<AcceptedCapture> accepted) {
        return ingestAll(accepted.size(), i -> prepare(inbox.validate(accepted.get(i)), accepted.get(i).id()));
    }

    private List<Outcome> ingestAll(int count, IntFunction<Prepared> preparation) {
        Outcome[] outcomes = new Outcome[count];
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        Prepared[] prepared = new Prepared[count];
        for (int i = 0; i < count; i++) {
            try {
                prepared[i] = preparation.apply(i);
                bySource.computeIfAbsent(prepared[i].capture().source().value(), k -> new ArrayList<>()).add(i);
            } catch (RuntimeException e) { // refused, or a capture the extractor could not read
                outcomes[i] = new Outcome(null, e);
            }
        }
        List<List<Integer>> busy = new ArrayList<>();
        for (List<Integer> group : bySource.values()) {
            if (!storeGroup(group, prepared, outcomes, false)) {
                busy.add(group);
            }
        }
        for (List<Integer> group : busy) {
            storeGroup(group, prepared, outcomes, true);
        }
        return List.of(outcomes);
    }

    /**
     * Stores one source's captures of a batch, their outcomes written to {@code outcomes}; answers false, having
     * written nothing, when {@code wait} is false and another transaction holds the source's lock.
     */
    private boolean storeGroup(List<Integer> group, Prepared[] prepared, Outcome[] outcomes, boolean wait) {
        List<Prepared> captures = group.stream().map(i -> prepared[i]).toList();
        try {
            List<IngestResult> results = QuarkusTransaction.requiringNew().timeout(transactionTimeoutSeconds)
                    .call(() -> wait || lock.tryLock(captures.get(0).capture().source().value()) ? store(captures)
                            : null);
            if (results == null) {
                return false;
            }
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
        return true;
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
     * Stores captures of one source and places them, in their order, inside the caller's transaction. Blobs are
     * written first; a capture that repeats a stored one (or an earlier one of the group) is answered with that one.
     * Each capture's row is written once ({@link CaptureRows}): with its placement when it is appended to its
     * article, else before the placement that reads it. What placing asks is read for the whole group first
     * ({@link GroupPrefetch}), kept true by appends and re-assemblies, and read again for the rest of the group when a
     * capture grew the template or gave its article a new first capture ({@link GroupReads#stale}). Placing a capture
     * may re-derive the whole source, which places every capture stored so far — the rest of the group included,
     * which is then not placed again (derivation is a function of the set of captures, so this is what placing them
     * one by one would reach). Articles, versions and the source's template counts changed by appends stay in the
     * session and are written when the group ends, each changed row once; a placement that reads them back from the
     * database flushes them first.
     */
    private List<IngestResult> store(List<Prepared> group) {
        String source = group.get(0).capture().source().value();
        lock.lock(source);
        ensureSource(source);
        Map<ContentDigest, byte[]> contents = new LinkedHashMap<>();
        group.forEach(p -> contents.putIfAbsent(p.capture().rawDigest(), p.capture().content()));
        blobs.putAll(contents);
        Instant ingestedAt = Instant.now();
        List<StoredRepeats.Identity> identities = group.stream().map(p -> StoredRepeats.Identity.of(p.capture()))
                .toList();
        UUID[] ids = repeats.of(source, identities);
        CaptureRows rows = new CaptureRows(em);
        Map<List<Object>, UUID> firstOfKey = new HashMap<>();
        SourceCapture[] toPlace = new SourceCapture[group.size()];
        String[] canonicalUrls = new String[group.size()];
        for (int i = 0; i < group.size(); i++) {
            ValidCapture capture = group.get(i).capture();
            if (ids[i] != null) {
                continue; // it repeats a stored capture
            }
            List<Object> identity = identities.get(i).groupKey();
            ids[i] = firstOfKey.get(identity);
            if (ids[i] != null) {
                continue; // it repeats an earlier capture of the group
            }
            ids[i] = group.get(i).promised() != null ? group.get(i).promised() : UUID.randomUUID();
            firstOfKey.put(identity, ids[i]);
            Extraction extraction = group.get(i).extraction();
            // The page's own canonical address stands for a capture without a URL or with parameters added to it.
            Optional<CanonicalUrl> canonical = CanonicalUrl.of(capture.url().map(CaptureUrl::value),
                    Optional.ofNullable(extraction.page()).map(PageMetadata::canonicalUrl).map(PageMetadata.Fact::value));
            canonicalUrls[i] = canonical.map(CanonicalUrl::url).orElse(null);
            rows.add(ids[i], new Object[] {ids[i], source, capture.url().map(CaptureUrl::value).orElse(null),
                    canonicalUrls[i], canonical.map(CanonicalUrl::surtKey).orElse(null), capture.capturedAt(),
                    capture.capturedAtOrigin().name(), ingestedAt, capture.rawDigest().hex(),
                    (long) capture.content().length, capture.mediaType().original(), Json.write(capture.origin()),
                    Json.write(extraction), payloadSha1(capture)}, extraction);
            toPlace[i] = new SourceCapture(ids[i].toString(), capture.capturedAt(), capture.rawDigest().hex(),
                    capture.url().map(CaptureUrl::value), canonical.map(CanonicalUrl::surtKey), extraction);
        }
        GroupReads reads = group.size() == 1 ? GroupReads.none()
                : prefetch.read(source, Arrays.stream(toPlace).filter(Objects::nonNull).toList());
        List<IngestResult> results = new ArrayList<>(group.size());
        boolean placedByRederivation = false;
        for (int i = 0; i < group.size(); i++) {
            if (toPlace[i] == null) {
                results.add(new IngestResult(ids[i], IngestResult.Rederived.NONE));
            } else if (placedByRederivation) {
                results.add(new IngestResult(ids[i], IngestResult.Rederived.SOURCE));
            } else {
                List<SourceCapture> rest = reads.stale()
                        ? Arrays.stream(toPlace, i, group.size()).filter(Objects::nonNull).toList() : List.of();
                if (rest.size() > 1) {
                    // A capture before this one changed what was read (it grew the template, or was its article's
                    // new first capture): read again for the captures still to place, not each for itself.
                    rows.writePlaced();
                    reads = prefetch.read(source, rest, reads);
                }
                placedByRederivation = placement.place(source, toPlace[i], canonicalUrls[i], reads, rows);
                results.add(new IngestResult(ids[i],
                        placedByRederivation ? IngestResult.Rederived.SOURCE : IngestResult.Rederived.ARTICLE));
                if (placedByRederivation) {
                    em.flush();
                    em.clear(); // it held every capture of the source: later captures start from an empty session
                }
            }
        }
        rows.writeAll();
        outbox.flush();
        Map<UUID, UUID> accepted = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            if (group.get(i).promised() != null) {
                accepted.put(group.get(i).promised(), ids[i]);
            }
        }
        inbox.stored(accepted);
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
        AfterCommit.run(transactions, () -> knownSources.add(source));
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
}
