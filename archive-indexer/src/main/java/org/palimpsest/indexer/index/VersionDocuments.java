package org.palimpsest.indexer.index;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.palimpsest.core.json.Json;
import org.palimpsest.core.provenance.Interval;

/** Reads versions from PostgreSQL as index documents: the live ones to upsert, the superseded ones to delete. */
@ApplicationScoped
public class VersionDocuments {
    private static final String SELECT = """
            select v.id, v.article_id, a.source, a.url, a.canonical_url, v.headline, cast(v.paragraphs as text),
                   v.content_sha256, v.version_number, v.valid_from, v.valid_to, cast(v.intervals as text),
                   v.capture_count, (v.superseded_by is not null or a.superseded_by is not null) as gone,
                   (select min(c.captured_at) from capture c where c.version_id = v.id),
                   (select max(c.captured_at) from capture c where c.version_id = v.id)
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
        List<?> rows = em.createNativeQuery(SELECT + " where v.id in (:ids)").setParameter("ids", versionIds)
                .getResultList();
        return toBatch(rows);
    }

    /** Live versions after {@code afterId} in id order, for rebuilding an index in pages. */
    public Batch livePage(UUID afterId, int size) {
        List<?> rows = em.createNativeQuery(SELECT + " where v.superseded_by is null and a.superseded_by is null"
                        + " and v.id > :after order by v.id limit :size")
                .setParameter("after", afterId).setParameter("size", size).getResultList();
        return toBatch(rows);
    }

    /** Versions written since {@code since}, to bring a freshly built index up to date. */
    public List<UUID> changedSince(Instant since) {
        return em.createNativeQuery("select id from version where updated_at >= :since", UUID.class)
                .setParameter("since", since).getResultList().stream().map(UUID.class::cast).toList();
    }

    private static Batch toBatch(List<?> rows) {
        List<VersionDocument> upserts = new ArrayList<>();
        List<String> deletes = new ArrayList<>();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            String id = r[0].toString();
            if ((Boolean) r[13]) {
                deletes.add(id);
                continue;
            }
            List<Interval> intervals = Json.readIntervals((String) r[11]);
            Instant validTo = (Instant) r[10];
            upserts.add(new VersionDocument(id, r[1].toString(), (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], String.join("\n\n", Json.readStrings((String) r[6])), (String) r[7],
                    ((Number) r[8]).intValue(), (Instant) r[9], validTo,
                    intervals.stream().map(i -> new VersionDocument.Validity(i.from(), i.to())).toList(),
                    validTo == null, ((Number) r[12]).intValue(), (Instant) r[14], (Instant) r[15]));
        }
        return new Batch(upserts, deletes);
    }
}
