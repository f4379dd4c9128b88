package org.palimpsest.core.article;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.palimpsest.core.diff.Revert;
import org.palimpsest.core.diff.VersionChange;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;

/** What the readers share: following replaced articles, and the captures of a version or an article's versions. */
final class StoredTimelines {
    private StoredTimelines() {
    }

    /** The article with this id, or the one that replaced it when re-derivation merged articles. */
    static Optional<ArticleEntity> live(EntityManager em, UUID id) {
        Optional<ArticleEntity> article = Optional.ofNullable(em.find(ArticleEntity.class, id));
        for (int hops = 0; article.isPresent() && article.get().supersededBy != null && hops < 32; hops++) {
            article = Optional.ofNullable(em.find(ArticleEntity.class, article.get().supersededBy));
        }
        return article;
    }

    /**
     * The article's captures by version, oldest first. Only the columns a timeline shows are read: the stored
     * extraction and provenance of a capture are large, and an article captured hundreds of times would drag them all.
     */
    static Map<UUID, List<VersionView.CaptureRef>> capturesByVersion(EntityManager em, UUID articleId) {
        Map<UUID, List<VersionView.CaptureRef>> out = new HashMap<>();
        captureRefs(captureRows(em, "article_id", articleId),
                (version, ref) -> out.computeIfAbsent(version, v -> new ArrayList<>()).add(ref));
        return out;
    }

    /**
     * One version's captures, oldest first, from the (version_id, captured_at) index: a single version (the version
     * endpoint) costs what that version was captured, not what its article was. As-of reads the same rows in its own
     * statement ({@link AsOfReader}).
     */
    static List<VersionView.CaptureRef> capturesOfVersion(EntityManager em, UUID versionId) {
        return captureRefs(captureRows(em, "version_id", versionId));
    }

    /**
     * A timeline's order of captures: derivation order ({@link org.palimpsest.core.derivation.SourceCapture#orderKey}:
     * time, digest, URL). A capture made its version ("new" in its provenance) exactly when it is the first of that
     * version in this order, so the flag is read from the order rather than from each capture's stored provenance,
     * which PostgreSQL would have to decompress.
     */
    static final String CAPTURE_ORDER = "captured_at, raw_sha256, coalesce(url, '') collate \"C\"";

    /** The timeline's columns of the captures whose {@code column} is {@code id}, in {@link #CAPTURE_ORDER}. */
    private static List<Tuple> captureRows(EntityManager em, String column, UUID id) {
        return Sql.list(Sql.rows(em, "select id, captured_at, raw_sha256, url, version_id from capture where "
                + column + " = ?1 order by " + CAPTURE_ORDER).setParameter(1, id));
    }

    /** The refs of one version's captures, from rows as {@link #captureRows} reads them. */
    static List<VersionView.CaptureRef> captureRefs(List<Tuple> rows) {
        List<VersionView.CaptureRef> out = new ArrayList<>(rows.size());
        captureRefs(rows, (version, ref) -> out.add(ref));
        return out;
    }

    /** Rows with id, captured_at, raw_sha256, url and version_id, in {@link #CAPTURE_ORDER}, as refs to {@code sink}. */
    private static void captureRefs(List<Tuple> rows, BiConsumer<UUID, VersionView.CaptureRef> sink) {
        Set<UUID> seen = new HashSet<>();
        for (Tuple r : rows) {
            UUID version = r.get("version_id", UUID.class);
            sink.accept(version, new VersionView.CaptureRef(r.get("id", UUID.class), r.get("captured_at", Instant.class),
                    r.get("raw_sha256", String.class), r.get("url", String.class), seen.add(version)));
        }
    }

    static VersionView version(VersionEntity v, List<VersionView.CaptureRef> captures) {
        return new VersionView(v.id, v.articleId, v.versionNumber, v.contentSha256, v.headline,
                Json.readStrings(v.paragraphs), v.validFrom, v.validTo, Json.readIntervals(v.intervals), captures,
                v.supersededBy, null, change(v.change), reverts(v.reverts));
    }

    /** A version's stored returns, oldest first; none when the article never went back to it. */
    static List<Revert> reverts(String json) {
        return json == null ? List.of() : List.of(Json.read(json, Revert[].class));
    }

    /** A version's stored change, or null. */
    static VersionChange change(String json) {
        return json == null ? null : Json.read(json, VersionChange.class);
    }
}
