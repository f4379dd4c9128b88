package org.palimpsest.indexer.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.diff.ChangeKind;
import org.palimpsest.core.diff.VersionChange;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.provenance.Interval;
import org.palimpsest.core.store.Sql;

/** Reads versions from PostgreSQL as index documents: the live ones to upsert, the superseded ones to delete. */
@ApplicationScoped
public class VersionDocuments {
    private static final String SELECT = """
            select v.id, v.article_id, a.source, a.url, a.canonical_url, v.headline,
                   cast(v.paragraphs as text) as paragraphs, v.content_sha256, v.version_number, v.valid_from,
                   v.valid_to, cast(v.intervals as text) as intervals, v.capture_count, cast(v.change as text) as change,
                   (v.superseded_by is not null or a.superseded_by is not null) as gone,
                   (select min(c.captured_at) from capture c where c.version_id = v.id) as first_captured_at,
                   (select max(c.captured_at) from capture c where c.version_id = v.id) as last_captured_at
            from version v join article a on a.id = v.article_id
            """;

    private final EntityManager em;

    public VersionDocuments(EntityManager em) {
        this.em = em;
    }

    /** What the index should hold for these versions. */
    public record Batch(List<VersionDocument> upserts, List<String> deletes) {
    }

    public Batch load(Collection<UUID> versionIds) {
        if (versionIds.isEmpty()) {
            return new Batch(List.of(), List.of());
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, SELECT + " where v.id = any(cast(:ids as uuid[]))")
                .setParameter("ids", Sql.array(versionIds)));
        return toBatch(rows);
    }

    /** Live versions after {@code afterId} in id order, for rebuilding an index in pages. */
    public Batch livePage(UUID afterId, int size) {
        List<Tuple> rows = Sql.list(Sql.rows(em, SELECT + " where v.superseded_by is null"
                        + " and a.superseded_by is null and v.id > :after order by v.id limit :size")
                .setParameter("after", afterId).setParameter("size", size));
        return toBatch(rows);
    }

    /** Versions written since {@code since}, to bring a freshly built index up to date. */
    public List<UUID> changedSince(Instant since) {
        return em.createNativeQuery("select id from version where updated_at >= :since", UUID.class)
                .setParameter("since", since).getResultList().stream().map(UUID.class::cast).toList();
    }

    private static Batch toBatch(List<Tuple> rows) {
        List<VersionDocument> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Tuple r : rows) {
            String id = r.get("id").toString();
            if (r.get("gone", Boolean.class)) {
                deletes.add(id);
                continue;
            }
            List<Interval> intervals = Json.readIntervals(r.get("intervals", String.class));
            Instant validTo = r.get("valid_to", Instant.class);
            String changeJson = r.get("change", String.class);
            VersionChange change = changeJson == null ? null : Json.read(changeJson, VersionChange.class);
            upserts.add(new VersionDocument(id, r.get("article_id").toString(), r.get("source", String.class),
                    r.get("url", String.class), r.get("canonical_url", String.class), r.get("headline", String.class),
                    String.join("\n\n", Json.readStrings(r.get("paragraphs", String.class))),
                    r.get("content_sha256", String.class), r.get("version_number", Number.class).intValue(),
                    r.get("valid_from", Instant.class), validTo,
                    intervals.stream().map(i -> new VersionDocument.Validity(i.from(), i.to())).toList(),
                    validTo == null, r.get("capture_count", Number.class).intValue(),
                    r.get("first_captured_at", Instant.class), r.get("last_captured_at", Instant.class),
                    change == null ? List.of() : change.kinds().stream().map(ChangeKind::label).toList(),
                    change == null ? null : change.stealth()));
        }
        return new Batch(upserts, deletes);
    }
}
