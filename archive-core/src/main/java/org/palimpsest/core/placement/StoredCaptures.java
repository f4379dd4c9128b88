package org.palimpsest.core.placement;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.palimpsest.core.decode.Extraction;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceCaptures;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.Sql;

/**
 * A source's stored captures as a re-derivation reads them: the columns that identify and order each, and where each
 * was placed before, held for all of them; what each says read from the database in chunks whenever the derivation
 * asks, so that no more than a chunk of their text is held at once. A source of at most {@link #KEPT} captures, whose
 * text is small beside any heap, keeps what it read instead of reading and parsing it again for every round.
 */
final class StoredCaptures implements SourceCaptures {
    static final int CHUNK = 500;
    static final int KEPT = 2_000;

    /** A stored capture's identifying columns and the article and version it was in before (null: none yet). */
    record Stored(UUID id, Instant capturedAt, String rawSha256, String url, String urlKey, UUID article,
            UUID version) {
        String orderKey() {
            return SourceCapture.orderKey(capturedAt, rawSha256, url);
        }
    }

    private final EntityManager em;
    private final Map<String, Stored> byKey;
    private final Map<String, SourceCapture> kept;

    private StoredCaptures(EntityManager em, Map<String, Stored> byKey) {
        this.em = em;
        this.byKey = byKey;
        this.kept = byKey.size() <= KEPT ? new HashMap<>() : null;
    }

    /** The source's captures, as written so far in this transaction (the caller has flushed the session). */
    static StoredCaptures of(EntityManager em, String source) {
        Map<String, Stored> byKey = new HashMap<>();
        for (Tuple r : Sql.list(Sql.rows(em, "select id, captured_at, raw_sha256, url, url_key, article_id,"
                + " version_id from capture where source = ?1").setParameter(1, source))) {
            Stored s = new Stored(r.get("id", UUID.class), r.get("captured_at", Instant.class),
                    r.get("raw_sha256", String.class), r.get("url", String.class), r.get("url_key", String.class),
                    r.get("article_id", UUID.class), r.get("version_id", UUID.class));
            byKey.put(s.orderKey(), s);
        }
        return new StoredCaptures(em, byKey);
    }

    int size() {
        return byKey.size();
    }

    /** The stored capture of an order key. */
    Stored get(String orderKey) {
        return byKey.get(orderKey);
    }

    @Override
    public List<String> orderKeys() {
        return List.copyOf(byKey.keySet());
    }

    @Override
    public void read(List<String> orderKeys, Consumer<SourceCapture> each) {
        if (kept != null && kept.keySet().containsAll(orderKeys)) {
            orderKeys.forEach(k -> each.accept(kept.get(k)));
            return;
        }
        for (int from = 0; from < orderKeys.size(); from += CHUNK) {
            List<String> chunk = orderKeys.subList(from, Math.min(orderKeys.size(), from + CHUNK));
            List<UUID> ids = chunk.stream().map(k -> byKey.get(k).id()).toList();
            Map<UUID, String> extracted = new HashMap<>();
            for (Tuple r : Sql.list(Sql.rows(em, "select id, cast(extracted as text) as extracted from capture"
                    + " where id = any(cast(?1 as uuid[]))").setParameter(1, Sql.array(ids)))) {
                extracted.put(r.get("id", UUID.class), r.get("extracted", String.class));
            }
            for (String key : chunk) {
                Stored s = byKey.get(key);
                SourceCapture capture = new SourceCapture(s.id().toString(), s.capturedAt(), s.rawSha256(),
                        Optional.ofNullable(s.url()), Optional.ofNullable(s.urlKey()),
                        Json.read(extracted.get(s.id()), Extraction.class));
                if (kept != null) {
                    kept.put(key, capture);
                }
                each.accept(capture);
            }
        }
    }
}
