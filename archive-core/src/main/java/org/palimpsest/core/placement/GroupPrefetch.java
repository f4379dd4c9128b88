package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.IdentityKey;
import org.palimpsest.core.provenance.DerivationRecord.IdentityKind;
import org.palimpsest.core.provenance.DerivationRecord.VersionKind;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.Sql;

/**
 * Reads, for a group of one source's captures, the articles their URLs name, those articles' captures and their
 * live versions: three statements for the group, each answering what placing one capture used to ask once.
 */
@ApplicationScoped
public class GroupPrefetch {
    private final ArticleReconciler reconciler;
    private final EntityManager em;

    GroupPrefetch(ArticleReconciler reconciler, EntityManager em) {
        this.reconciler = reconciler;
        this.em = em;
    }

    /** What placing {@code captures} (stored, not yet placed, all of {@code source}) will ask about their articles. */
    public GroupReads read(String source, Collection<SourceCapture> captures) {
        Set<String> keys = captures.stream().filter(c -> c.urlKey().isPresent())
                .map(c -> IdentityKey.URL.of(c.urlKey().get())).collect(Collectors.toSet());
        if (keys.isEmpty()) {
            return GroupReads.none();
        }
        Map<String, ArticleEntity> articleByKey = new HashMap<>();
        keys.forEach(k -> articleByKey.put(k, null));
        em.createQuery("from ArticleEntity where source = ?1 and identityKey in ?2 and supersededBy is null",
                        ArticleEntity.class)
                .setParameter(1, source).setParameter(2, keys).getResultList()
                .forEach(a -> articleByKey.put(a.identityKey, a));
        List<UUID> ids = articleByKey.values().stream().filter(a -> a != null).map(a -> a.id).toList();
        Map<UUID, List<StoredMember>> members = members(ids);
        return new GroupReads(articleByKey, members, reconciler.liveVersions(ids));
    }

    /** Each article's captures as {@link ArticleAppend} reads them (an article without any: an empty list). */
    Map<UUID, List<StoredMember>> members(Collection<UUID> articles) {
        Map<UUID, List<StoredMember>> members = new HashMap<>();
        articles.forEach(a -> members.put(a, new ArrayList<>()));
        if (articles.isEmpty()) {
            return members;
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, """
                        select article_id, id, captured_at, raw_sha256, url, url_key is not null as has_url_key,
                            version_id, derivation ->> 'contentSha256' as digest,
                            derivation ->> 'templateDigest' as template_digest,
                            derivation -> 'identity' ->> 'decision' as identity,
                            derivation -> 'identity' ->> 'matchedCaptureId' as matched_capture_id,
                            (derivation -> 'version' ->> 'versionNumber')::int as version_number,
                            derivation -> 'version' ->> 'decision' as version_decision
                        from capture where article_id in (:articles)""")
                .setParameter("articles", articles));
        for (Tuple r : rows) {
            Instant capturedAt = r.get("captured_at", Instant.class);
            Number versionNumber = r.get("version_number", Number.class);
            members.get(r.get("article_id", UUID.class)).add(new StoredMember(r.get("id", UUID.class),
                    SourceCapture.orderKey(capturedAt, r.get("raw_sha256", String.class), r.get("url", String.class)),
                    capturedAt, r.get("has_url_key", Boolean.class), r.get("version_id", UUID.class),
                    r.get("digest", String.class), r.get("template_digest", String.class),
                    IdentityKind.of(r.get("identity", String.class)), r.get("matched_capture_id", String.class),
                    versionNumber == null ? 0 : versionNumber.intValue(),
                    VersionKind.of(r.get("version_decision", String.class))));
        }
        return members;
    }
}
