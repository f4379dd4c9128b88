package org.palimpsest.core.article;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.palimpsest.core.capture.CaptureOrigin;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.provenance.DerivationRecord;
import org.palimpsest.core.provenance.Interval;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.BlobStore;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;

/** Reads the archive: captures with provenance, raw bytes, articles with timelines, versions, as-of lookups. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ArchiveReader {

    private final BlobStore blobs;

    public ArchiveReader(BlobStore blobs) {
        this.blobs = blobs;
    }

    /** The exact bytes of a capture, its media type and digest. */
    public record RawCapture(byte[] bytes, String contentType, ContentDigest digest) {
    }

    public Optional<CaptureView> capture(UUID id) {
        return CaptureEntity.<CaptureEntity>findByIdOptional(id).map(ArchiveReader::view);
    }

    /** Several captures with one query, by id (ids that name no capture are left out). */
    public Map<UUID, CaptureView> captures(Collection<UUID> ids) {
        Map<UUID, CaptureView> views = new HashMap<>();
        if (!ids.isEmpty()) {
            CaptureEntity.<CaptureEntity>list("id in ?1", ids).forEach(c -> views.put(c.id, view(c)));
        }
        return views;
    }

    public Optional<RawCapture> raw(UUID id) {
        return CaptureEntity.<CaptureEntity>findByIdOptional(id).flatMap(c -> {
            ContentDigest digest = new ContentDigest(c.rawSha256);
            return blobs.get(digest).map(bytes -> new RawCapture(bytes, c.contentType, digest));
        });
    }

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
        return live(id).map(a -> {
            List<VersionEntity> versions = VersionEntity.list("articleId = ?1 and supersededBy is null",
                    Sort.ascending("versionNumber"), a.id);
            Map<UUID, List<VersionView.CaptureRef>> captures = capturesByVersion(a.id);
            List<VersionView> timeline = new ArrayList<>();
            for (VersionEntity v : versions) {
                VersionView view = version(v, captures.getOrDefault(v.id, List.of()));
                timeline.add(timeline.isEmpty() ? view : view.withChangesSince(timeline.get(timeline.size() - 1).versionId()));
            }
            return new ArticleView(a.id, a.source, a.headline, a.url, a.canonicalUrl, a.firstCapturedAt,
                    a.lastCapturedAt, a.versionCount, a.captureCount, timeline, a.id.equals(id) ? null : id);
        });
    }

    public Optional<VersionView> version(UUID articleId, UUID versionId) {
        return VersionEntity.<VersionEntity>findByIdOptional(versionId)
                .filter(v -> v.articleId.equals(articleId)
                        || live(articleId).map(a -> a.id).equals(live(v.articleId).map(a -> a.id)))
                .map(v -> version(v, capturesOfVersion(v.id)));
    }

    /** Whether the id names an article, or one that re-derivation replaced. */
    public boolean exists(UUID id) {
        return live(id).isPresent();
    }

    /** The version the archive held at {@code at}: that of the latest capture at or before it. */
    public Optional<AsOf> asOf(UUID articleId, Instant at) {
        Optional<AsOf> found = asOfLive(articleId, at);
        if (found.isPresent()) {
            return found;
        }
        // Not a live article with a capture by then: perhaps one that re-derivation merged into another.
        return live(articleId).map(a -> a.id).filter(id -> !id.equals(articleId)).flatMap(id -> asOfLive(id, at));
    }

    /**
     * The as-of answer for a live article, in two statements: the latest capture at or before {@code at} (three
     * columns from the (article_id, captured_at) index) with its version, then that version's captures.
     */
    private Optional<AsOf> asOfLive(UUID articleId, Instant at) {
        List<?> rows = Sql.statement(CaptureEntity.getEntityManager(), "select c.id, c.captured_at, v.id,"
                        + " v.version_number, v.content_sha256, v.headline, cast(v.paragraphs as text), v.valid_from,"
                        + " v.valid_to, cast(v.intervals as text), v.superseded_by"
                        + " from (select id, captured_at, version_id from capture where article_id = ?1"
                        + " and captured_at <= ?2 order by captured_at desc, raw_sha256 desc limit 1) c"
                        + " join version v on v.id = c.version_id"
                        + " where exists (select 1 from article a where a.id = ?1 and a.superseded_by is null)")
                .setParameter(1, articleId).setParameter(2, at).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = (Object[]) rows.get(0);
        UUID versionId = (UUID) r[2];
        VersionView version = new VersionView(versionId, articleId, (Integer) r[3], (String) r[4], (String) r[5],
                Json.readStrings((String) r[6]), (Instant) r[7], (Instant) r[8], Json.readIntervals((String) r[9]),
                capturesOfVersion(versionId), (UUID) r[10], null);
        return Optional.of(new AsOf(version, (UUID) r[0], (Instant) r[1]));
    }

    /** A capture of a URL, for Memento: its id, time and the canonical URL it was filed under. */
    public record UrlCapture(UUID captureId, Instant capturedAt, String canonicalUrl) {
    }

    /** Every capture whose URL canonicalises to this SURT key, oldest first. */
    public List<UrlCapture> capturesOfUrl(String surtKey) {
        // Three columns from the (url_key, captured_at) index's rows, not whole captures with their stored provenance.
        List<?> rows = Sql.statement(CaptureEntity.getEntityManager(), "select id, captured_at, canonical_url"
                        + " from capture where url_key = ?1 order by captured_at, raw_sha256")
                .setParameter(1, surtKey).getResultList();
        List<UrlCapture> out = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            out.add(new UrlCapture((UUID) r[0], (Instant) r[1], (String) r[2]));
        }
        return out;
    }

    /**
     * What a TimeGate needs of a URL's captures, for an instant: the latest capture at or before it, the earliest
     * after it (each the first in TimeMap order among captures of the same time) and the latest capture of all.
     */
    public record UrlNeighbours(Optional<UrlCapture> atOrBefore, Optional<UrlCapture> after, UrlCapture latest) {
    }

    /**
     * The captures of a URL around {@code at} (the latest alone when {@code at} is empty), read with at most three
     * probes of the (url_key, captured_at) index: a TimeGate costs the same for a URL captured three times or a
     * hundred thousand. Empty when the URL has no captures.
     */
    public Optional<UrlNeighbours> urlNeighbours(String surtKey, Optional<Instant> at) {
        String latest = urlProbe("L", "", "captured_at desc, raw_sha256 desc");
        String sql = at.isEmpty() ? latest : latest
                + " union all " + urlProbe("B", " and captured_at <= ?2", "captured_at desc, raw_sha256")
                + " union all " + urlProbe("A", " and captured_at > ?2", "captured_at, raw_sha256");
        var query = Sql.statement(CaptureEntity.getEntityManager(), sql).setParameter(1, surtKey);
        at.ifPresent(t -> query.setParameter(2, t));
        Map<String, UrlCapture> bySide = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            bySide.put(r[0].toString(), new UrlCapture((UUID) r[1], (Instant) r[2], (String) r[3]));
        }
        return Optional.ofNullable(bySide.get("L")).map(last -> new UrlNeighbours(
                Optional.ofNullable(bySide.get("B")), Optional.ofNullable(bySide.get("A")), last));
    }

    /**
     * One capture of the URL {@code ?1}, tagged with {@code side}: the first in {@code order} that meets
     * {@code condition}.
     */
    private static String urlProbe(String side, String condition, String order) {
        return "(select '" + side + "' as side, id, captured_at, canonical_url from capture where url_key = ?1"
                + condition + " order by " + order + " limit 1)";
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

    /** The article with this id, or the one that replaced it when re-derivation merged articles. */
    private static Optional<ArticleEntity> live(UUID id) {
        Optional<ArticleEntity> article = ArticleEntity.findByIdOptional(id);
        for (int hops = 0; article.isPresent() && article.get().supersededBy != null && hops < 32; hops++) {
            article = ArticleEntity.findByIdOptional(article.get().supersededBy);
        }
        return article;
    }

    private static List<TemplateView.Line> lines(Map<String, Integer> lines) {
        List<TemplateView.Line> out = new ArrayList<>();
        lines.forEach((text, n) -> out.add(new TemplateView.Line(text, n)));
        return out;
    }

    /**
     * The article's captures by version, oldest first. Only the columns a timeline shows are read: the stored
     * extraction and provenance of a capture are large, and an article captured hundreds of times would drag them all.
     */
    private static Map<UUID, List<VersionView.CaptureRef>> capturesByVersion(UUID articleId) {
        Map<UUID, List<VersionView.CaptureRef>> out = new HashMap<>();
        captureRefs("article_id", articleId,
                (version, ref) -> out.computeIfAbsent(version, v -> new ArrayList<>()).add(ref));
        return out;
    }

    /**
     * One version's captures, oldest first, from the (version_id, captured_at) index: a single version (as-of, the
     * version endpoint) costs what that version was captured, not what its article was.
     */
    private static List<VersionView.CaptureRef> capturesOfVersion(UUID versionId) {
        List<VersionView.CaptureRef> out = new ArrayList<>();
        captureRefs("version_id", versionId, (version, ref) -> out.add(ref));
        return out;
    }

    /**
     * The timeline's columns of the captures whose {@code column} is {@code id}, to {@code sink} in derivation order
     * ({@link org.palimpsest.core.derivation.SourceCapture#orderKey}: time, digest, URL). A capture made its version
     * ("new" in its provenance) exactly when it is the first of that version in this order, so the flag is read from
     * the order rather than from each capture's stored provenance, which PostgreSQL would have to decompress.
     */
    private static void captureRefs(String column, UUID id, BiConsumer<UUID, VersionView.CaptureRef> sink) {
        List<?> rows = Sql.statement(CaptureEntity.getEntityManager(), "select id, captured_at, raw_sha256, url,"
                        + " version_id from capture where " + column + " = ?1"
                        + " order by captured_at, raw_sha256, coalesce(url, '') collate \"C\"")
                .setParameter(1, id).getResultList();
        Set<UUID> seen = new HashSet<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            UUID version = (UUID) r[4];
            sink.accept(version, new VersionView.CaptureRef((UUID) r[0], (Instant) r[1], (String) r[2],
                    (String) r[3], seen.add(version)));
        }
    }

    private static VersionView version(VersionEntity v, List<VersionView.CaptureRef> captures) {
        return new VersionView(v.id, v.articleId, v.versionNumber, v.contentSha256, v.headline,
                Json.readStrings(v.paragraphs), v.validFrom, v.validTo, Json.readIntervals(v.intervals), captures,
                v.supersededBy, null);
    }

    private static Optional<DerivationRecord> derivation(CaptureEntity c) {
        return Optional.ofNullable(c.derivation).map(d -> Json.read(d, DerivationRecord.class));
    }

    static CaptureView view(CaptureEntity c) {
        Optional<DerivationRecord> d = derivation(c);
        var provenance = new CaptureView.Provenance(Json.read(c.origin, CaptureOrigin.class), c.capturedAtOrigin,
                new CaptureView.Digests(c.rawSha256, d.map(DerivationRecord::contentSha256).orElse(null)),
                d.map(DerivationRecord::normaliserVersion).orElse(null),
                d.map(DerivationRecord::templateVersion).orElse(null),
                d.map(DerivationRecord::templateDigest).orElse(null),
                d.map(DerivationRecord::decoding).orElse(null),
                d.map(DerivationRecord::removedLines).orElse(List.of()),
                d.map(DerivationRecord::identity).orElse(null),
                d.map(DerivationRecord::version).orElse(null),
                d.map(DerivationRecord::rederivations).orElse(List.of()));
        return new CaptureView(c.id, c.source, c.url, c.canonicalUrl, c.capturedAt, c.ingestedAt, c.rawSha256,
                c.rawSize, c.contentType, c.articleId, c.versionId,
                d.map(r -> r.version().versionNumber()).orElse(null),
                d.map(r -> r.version().decision() == DerivationRecord.VersionKind.NEW).orElse(false), provenance);
    }
}
