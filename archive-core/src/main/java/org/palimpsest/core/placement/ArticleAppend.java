package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.IdentityDecision;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;
import org.palimpsest.core.version.Timeline;

/**
 * Adds a capture to the end of its article — the common case, a page captured again later — without reading the
 * article's other captures back: their stored provenance already says what a full derivation would (same template,
 * so same digests; a later capture changes neither their versions nor their numbers nor their identity decisions).
 * This checks that from a few columns of each member and answers null, having written nothing, when any of it
 * does not hold; the caller then re-assembles the article from its captures.
 */
@ApplicationScoped
class ArticleAppend {
    private final ArticleReconciler reconciler;
    private final EntityManager em;

    ArticleAppend(ArticleReconciler reconciler, EntityManager em) {
        this.reconciler = reconciler;
        this.em = em;
    }

    /** What a member's stored provenance says, and the columns that order it. */
    private record Member(UUID id, String key, Instant capturedAt, boolean hasUrlKey, UUID versionId, String digest,
            String templateDigest, String identity, String matchedCaptureId, int versionNumber, String versionDecision) {
    }

    /** The capture to place, and how it matched the article's versions (best first), when it had no URL. */
    record Placed(SourceCapture capture, String canonicalUrl, NormalizedCapture normalized, int[] signature,
            List<Match> matches) {
    }

    record Match(UUID article, UUID version, double score) {
    }

    /** The article the capture now belongs to, or null when it is not a plain append (nothing written then). */
    ArticleEntity tryAppend(SourceEntity src, ArticleEntity article, Placed placed, Instant now) {
        SourceCapture capture = placed.capture();
        String key = capture.orderKey();
        List<Member> members = article == null ? List.of() : members(article.id);
        Map<UUID, Member> byId = new HashMap<>();
        members.forEach(m -> byId.put(m.id(), m));
        boolean byUrl = capture.urlKey().isPresent() || article != null && article.identityKey.startsWith("url:");
        String smallest = members.stream().map(Member::key).min(Comparator.naturalOrder()).orElse(key);
        for (Member m : members) {
            boolean storedAsDerived = m.hasUrlKey() ? "url".equals(m.identity())
                    : !byUrl && m.key().equals(smallest) ? "new".equals(m.identity())
                    : "similarity".equals(m.identity()) && m.matchedCaptureId() != null
                            && byId.containsKey(UUID.fromString(m.matchedCaptureId()));
            if (!storedAsDerived || m.key().compareTo(key) >= 0 || m.versionId() == null
                    || !Objects.equals(m.templateDigest(), src.templateDigest)) {
                return null;
            }
        }
        List<Timeline.Entry> entries = new ArrayList<>();
        members.forEach(m -> entries.add(new Timeline.Entry(m.key(), m.capturedAt(), m.digest())));
        entries.add(new Timeline.Entry(key, capture.capturedAt(), placed.normalized().contentSha256()));
        List<Timeline.Version> timeline = Timeline.of(entries);
        Map<String, VersionEntity> stored = article == null ? new HashMap<>() : reconciler.liveVersions(article.id);
        Map<String, Timeline.Version> versionOf = new HashMap<>();
        timeline.forEach(v -> v.captures().forEach(k -> versionOf.put(k, v)));
        for (Member m : members) {
            Timeline.Version v = versionOf.get(m.key());
            VersionEntity ve = stored.get(v.digest());
            boolean first = v.firstCapture().equals(m.key());
            if (ve == null || ve.signature == null || !ve.id.equals(m.versionId()) || v.number() != m.versionNumber()
                    || !(first ? "new" : "revisit").equals(m.versionDecision())) {
                return null;
            }
        }
        if (stored.size() != timeline.size() - (stored.containsKey(placed.normalized().contentSha256()) ? 0 : 1)) {
            return null; // a stored version the timeline no longer has
        }

        ArticleEntity ae = article;
        if (ae == null) {
            ae = new ArticleEntity();
            ae.id = UUID.randomUUID();
            ae.source = src.key;
            ae.identityKey = capture.urlKey().map(k -> "url:" + k).orElse("sim:" + key);
            ae.firstCapturedAt = capture.capturedAt();
        }
        if (capture.url().isPresent()) {
            ae.url = capture.url().get();
            ae.canonicalUrl = placed.canonicalUrl();
        }
        ae.headline = placed.normalized().headline();
        ae.lastCapturedAt = capture.capturedAt();
        ae.captureCount = members.size() + 1;
        ae.versionCount = timeline.size();
        ae.updatedAt = now;
        ae.persist();

        Timeline.Version own = versionOf.get(key);
        VersionEntity ownVersion = null;
        for (Timeline.Version v : timeline) {
            VersionEntity ve = stored.get(v.digest());
            boolean created = ve == null;
            if (created) {
                ve = ArticleReconciler.newVersion(ae.id, v.digest());
            }
            reconciler.apply(src.key, ve, v, created ? placed.normalized() : null, placed::signature, now);
            if (v == own) {
                ownVersion = ve;
            }
        }
        IdentityDecision decision = capture.urlKey().isPresent() ? new IdentityDecision.ByUrl(capture.urlKey().get())
                : members.isEmpty() ? new IdentityDecision.New()
                : new IdentityDecision.BySimilarity(placed.matches().get(0).score(),
                        firstCaptureOf(placed.matches().get(0).version(), members));
        Map<String, UUID> idOfKey = new HashMap<>();
        members.forEach(m -> idOfKey.put(m.key(), m.id()));
        boolean firstOfVersion = own.firstCapture().equals(key);
        var derived = new Derivation.DerivedCapture(capture, placed.normalized(), null, decision, own.number(),
                firstOfVersion);
        DerivationRecord record = ArticleReconciler.record(src, derived, ownVersion.id,
                ArticleReconciler.identity(decision, idOfKey::get), List.of());
        Sql.statement(em, "update capture set article_id = ?1, version_id = ?2, derivation = cast(?3 as jsonb)"
                        + " where id = ?4")
                .setParameter(1, ae.id).setParameter(2, ownVersion.id).setParameter(3, Json.write(record))
                .setParameter(4, UUID.fromString(capture.id())).executeUpdate();
        return ae;
    }

    private List<Member> members(UUID article) {
        List<?> rows = Sql.statement(em, """
                        select id, captured_at, raw_sha256, url, url_key is not null, version_id,
                            derivation ->> 'contentSha256', derivation ->> 'templateDigest',
                            derivation -> 'identity' ->> 'decision', derivation -> 'identity' ->> 'matchedCaptureId',
                            (derivation -> 'version' ->> 'versionNumber')::int, derivation -> 'version' ->> 'decision'
                        from capture where article_id = ?1""")
                .setParameter(1, article).getResultList();
        List<Member> members = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            Instant capturedAt = (Instant) r[1];
            members.add(new Member((UUID) r[0], SourceCapture.orderKey(capturedAt, (String) r[2], (String) r[3]),
                    capturedAt, (Boolean) r[4], (UUID) r[5], (String) r[6], (String) r[7], (String) r[8],
                    (String) r[9], r[10] == null ? 0 : ((Number) r[10]).intValue(), (String) r[11]));
        }
        return members;
    }

    /** The earliest member on a version: the capture a similarity match is recorded against. */
    private static String firstCaptureOf(UUID version, List<Member> members) {
        return members.stream().filter(m -> version.equals(m.versionId())).map(Member::key)
                .min(Comparator.naturalOrder()).orElseThrow();
    }
}
