package org.palimpsest.core.article;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.VersionEntity;

/** Reads articles: lists of them, one with its timeline of versions, a single version, a source's template. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArticleReader {

    public Page<ArticleSummary> articles(Optional<String> source, Optional<Instant> from, Optional<Instant> to,
            int page, int size) {
        StringBuilder q = new StringBuilder("supersededBy is null");
        Parameters p = new Parameters();
        source.ifPresent(s -> {
            q.append(" and source = :source");
            p.and("source", s);
        });
        from.ifPresent(f -> {
            q.append(" and lastCapturedAt >= :from");
            p.and("from", f);
        });
        to.ifPresent(t -> {
            q.append(" and firstCapturedAt <= :to");
            p.and("to", t);
        });
        var query = ArticleEntity.<ArticleEntity>find(q.toString(), Sort.descending("lastCapturedAt").and("id"), p);
        List<ArticleSummary> items = query.page(page, size).list().stream()
                .map(a -> new ArticleSummary(a.id, a.source, a.headline, a.url, a.firstCapturedAt, a.lastCapturedAt,
                        a.versionCount, a.captureCount))
                .toList();
        return new Page<>(items, page, size, query.count());
    }

    /** The article, following superseded ids to the article that replaced it. */
    public Optional<ArticleView> article(UUID id) {
        return StoredTimelines.live(id).map(a -> {
            List<VersionEntity> versions = VersionEntity.list("articleId = ?1 and supersededBy is null",
                    Sort.ascending("versionNumber"), a.id);
            Map<UUID, List<VersionView.CaptureRef>> captures = StoredTimelines.capturesByVersion(a.id);
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
        return VersionEntity.<VersionEntity>findByIdOptional(versionId)
                .filter(v -> v.articleId.equals(articleId) || StoredTimelines.live(articleId).map(a -> a.id)
                        .equals(StoredTimelines.live(v.articleId).map(a -> a.id)))
                .map(v -> StoredTimelines.version(v, StoredTimelines.capturesOfVersion(v.id)));
    }

    /** Whether the id names an article, or one that re-derivation replaced. */
    public boolean exists(UUID id) {
        return StoredTimelines.live(id).isPresent();
    }

    public Optional<TemplateView> template(String source) {
        return SourceEntity.<SourceEntity>findByIdOptional(source).map(s -> {
            Template t = Json.read(s.template, Template.class);
            return new TemplateView(s.key, s.templateVersion, s.templateDigest,
                    CaptureEntity.count("source", s.key),
                    ArticleEntity.count("source = ?1 and supersededBy is null", s.key),
                    lines(t.headLines()), lines(t.bodyLines()));
        });
    }

    private static List<TemplateView.Line> lines(Map<String, Integer> lines) {
        List<TemplateView.Line> out = new ArrayList<>();
        lines.forEach((text, n) -> out.add(new TemplateView.Line(text, n)));
        return out;
    }
}
