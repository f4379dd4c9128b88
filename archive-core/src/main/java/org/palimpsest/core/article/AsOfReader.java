package org.palimpsest.core.article;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.replica.Reads;
import org.palimpsest.core.store.Sql;

/** Reads the archive as it stood at an instant: an article's version then, and a URL's captures around it (Memento). */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class AsOfReader {
    private final Reads reads;

    public AsOfReader(Reads reads) {
        this.reads = reads;
    }

    /** The version the archive held at {@code at}: that of the latest capture at or before it. */
    public Optional<AsOf> asOf(UUID articleId, Instant at) {
        Optional<AsOf> found = asOfLive(articleId, at);
        if (found.isPresent()) {
            return found;
        }
        // Not a live article with a capture by then: perhaps one that re-derivation merged into another.
        return StoredTimelines.live(reads.em(), articleId).map(a -> a.id).filter(id -> !id.equals(articleId))
                .flatMap(id -> asOfLive(id, at));
    }

    /**
     * The as-of answer for a live article, in one statement and so one round trip: the latest capture at or before
     * {@code at} (from the (article_id, captured_at) index) with its version (part 0), then that version's captures in
     * timeline order (part 1, from the (version_id, captured_at) index).
     */
    private Optional<AsOf> asOfLive(UUID articleId, Instant at) {
        List<Tuple> rows = Sql.list(Sql.rows(reads.em(), "with hit as (select id, captured_at, version_id"
                        + " from capture where article_id = ?1 and captured_at <= ?2"
                        + " and exists (select 1 from article a where a.id = ?1 and a.superseded_by is null)"
                        + " order by captured_at desc, raw_sha256 desc limit 1)"
                        + " select * from (select 0 as part, h.id, h.captured_at, null as raw_sha256, null as url,"
                        + " v.id as version_id, v.version_number, v.content_sha256, v.headline,"
                        + " cast(v.paragraphs as text) as paragraphs, v.valid_from, v.valid_to,"
                        + " cast(v.intervals as text) as intervals, v.superseded_by, cast(v.change as text) as change,"
                        + " cast(v.reverts as text) as reverts"
                        + " from hit h join version v on v.id = h.version_id"
                        + " union all select 1, k.id, k.captured_at, k.raw_sha256, k.url, k.version_id, null, null,"
                        + " null, null, null, null, null, null, null, null"
                        + " from capture k where k.version_id = (select version_id from hit)) parts"
                        + " order by part, " + StoredTimelines.CAPTURE_ORDER)
                .setParameter(1, articleId).setParameter(2, at));
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Tuple r = rows.get(0);
        VersionView version = new VersionView(r.get("version_id", UUID.class), articleId,
                r.get("version_number", Integer.class), r.get("content_sha256", String.class),
                r.get("headline", String.class), Json.readStrings(r.get("paragraphs", String.class)),
                r.get("valid_from", Instant.class), r.get("valid_to", Instant.class),
                Json.readIntervals(r.get("intervals", String.class)),
                StoredTimelines.captureRefs(rows.subList(1, rows.size())), r.get("superseded_by", UUID.class), null,
                StoredTimelines.change(r.get("change", String.class)),
                StoredTimelines.reverts(r.get("reverts", String.class)));
        return Optional.of(new AsOf(version, r.get("id", UUID.class), r.get("captured_at", Instant.class)));
    }

    /** A capture of a URL, for Memento: its id, time and the canonical URL it was filed under. */
    public record UrlCapture(UUID captureId, Instant capturedAt, String canonicalUrl) {
        static UrlCapture of(Tuple row) {
            return new UrlCapture(row.get("id", UUID.class), row.get("captured_at", Instant.class),
                    row.get("canonical_url", String.class));
        }
    }

    /** Every capture whose URL canonicalises to this SURT key, oldest first. */
    public List<UrlCapture> capturesOfUrl(String surtKey) {
        // Three columns from the (url_key, captured_at) index's rows, not whole captures with their stored provenance.
        List<Tuple> rows = Sql.list(Sql.rows(reads.em(), "select id, captured_at, canonical_url"
                        + " from capture where url_key = ?1 order by captured_at, raw_sha256")
                .setParameter(1, surtKey));
        List<UrlCapture> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(UrlCapture.of(r)));
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
        var query = Sql.rows(reads.em(), sql).setParameter(1, surtKey);
        at.ifPresent(t -> query.setParameter(2, t));
        Map<String, UrlCapture> bySide = new HashMap<>();
        for (Tuple r : Sql.list(query)) {
            bySide.put(r.get("side", String.class), UrlCapture.of(r));
        }
        return Optional.ofNullable(bySide.get("L")).map(last -> new UrlNeighbours(
                Optional.ofNullable(bySide.get("B")), Optional.ofNullable(bySide.get("A")), last));
    }

    /**
     * One capture of the URL {@code ?1}, tagged with {@code side}: the first in {@code order} that meets
     * {@code condition}.
     */
    private static String urlProbe(String side, String condition, String order) {
        return "(select cast('" + side + "' as text) as side, id, captured_at, canonical_url from capture"
                + " where url_key = ?1" + condition + " order by " + order + " limit 1)";
    }
}
