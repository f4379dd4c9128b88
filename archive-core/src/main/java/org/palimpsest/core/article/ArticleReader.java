package org.palimpsest.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.replica.Reads;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.VersionEntity;

/** Reads articles: lists of them, one with its timeline of versions, a single version, a source's template. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleReader {
    private final Reads reads;

    public ArticleReader(Reads reads) {
        this.reads = reads;
    }

    public Page<ArticleSummary> articles(Optional<String> source, Optional<Instant> from, Optional<Instant> to,
            int page, int size) {
        StringBuilder where = new StringBuilder(" from ArticleEntity a where a.supersededBy is null");
        Map<String, Object> p = new HashMap<>();
        source.ifPresent(s -> {
            where.append(" and a.source = :source");
            p.put("source", s);
        });
        from.ifPresent(f -> {
            where.append(" and a.lastCapturedAt >= :from");
            p.put("from", f);
        });
        to.ifPresent(t -> {
            where.append(" and a.firstCapturedAt <= :to");
            p.put("to", t);
        });
        EntityManager em = reads.em();
        TypedQuery<ArticleEntity> query = em.createQuery("select a" + where + " order by a.lastCapturedAt desc, a.id",
                ArticleEntity.class).setFirstResult(page * size).setMaxResults(size);
        TypedQuery<Long> count = em.createQuery("select count(a)" + where, Long.class);
        p.forEach((name, value) -> {
            query.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<ArticleSummary> items = query.getResultList().stream()
                .map(a -> new ArticleSummary(a.id, a.source, a.headline, a.url, a.firstCapturedAt, a.lastCapturedAt,
                        a.versionCount, a.captureCount))
                .toList();
        return new Page<>(items, page, size, count.getSingleResult());
    }

    /** The article, following superseded ids to the article that replaced it. */
    public Optional<ArticleView> article(UUID id) {
        EntityManager em = reads.em();
        return StoredTimelines.live(em, id).map(a -> {
            List<VersionEntity> versions = em.createQuery("from VersionEntity v where v.articleId = ?1"
                    + " and v.supersededBy is null order by v.versionNumber", VersionEntity.class)
                    .setParameter(1, a.id).getResultList();
            Map<UUID, List<VersionView.CaptureRef>> captures = StoredTimelines.capturesByVersion(em, a.id);
            List<VersionView> timeline = new ArrayList<>();
            for (VersionEntity v : versions) {
                VersionView view = StoredTimelines.version(v, captures.getOrDefault(v.id, List.of()));
                timeline.add(timeline.isEmpty() ? view : view.withChangesSince(timeline.get(timeline.size() - 1).versionId()));
            }
            return new ArticleView(a.id, a.source, a.headline, a.url, a.canonicalUrl, a.firstCapturedAt,
                    a.lastCapturedAt, a.versionCount, a.captureCount, timeline, a.id.equals(id) ? null : id);
        });
    }

    public Optional<VersionView> version(UUID articleId, UUID versionId) {
        EntityManager em = reads.em();
        return Optional.ofNullable(em.find(VersionEntity.class, versionId))
                .filter(v -> v.articleId.equals(articleId) || StoredTimelines.live(em, articleId).map(a -> a.id)
                        .equals(StoredTimelines.live(em, v.articleId).map(a -> a.id)))
                .map(v -> StoredTimelines.version(v, StoredTimelines.capturesOfVersion(em, v.id)));
    }

    /** Whether the id names an article, or one that re-derivation replaced. */
    public boolean exists(UUID id) {
        return StoredTimelines.live(reads.em(), id).isPresent();
    }

    public Optional<TemplateView> template(String source) {
        EntityManager em = reads.em();
        return Optional.ofNullable(em.find(SourceEntity.class, source)).map(s -> {
            Template t = Json.read(s.template, Template.class);
            return new TemplateView(s.key, s.templateVersion, s.templateDigest,
                    em.createQuery("select count(c) from CaptureEntity c where c.source = ?1", Long.class)
                            .setParameter(1, s.key).getSingleResult(),
                    em.createQuery("select count(a) from ArticleEntity a where a.source = ?1"
                            + " and a.supersededBy is null", Long.class).setParameter(1, s.key).getSingleResult(),
                    lines(t.headLines()), lines(t.bodyLines()));
        });
    }

    private static List<TemplateView.Line> lines(Map<String, Integer> lines) {
        List<TemplateView.Line> out = new ArrayList<>();
        lines.forEach((text, n) -> out.add(new TemplateView.Line(text, n)));
        return out;
    }
}
