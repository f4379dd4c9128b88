package org.palimpsest.core.derivation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.palimpsest.core.capture.ContentDigest;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.store.Sql;

/**
 * Which articles each line was seen in, per template zone ({@code H}: above or as the headline, {@code B}: in the
 * body): what template learning counts, kept so that one capture can be checked against the thresholds.
 */
@ApplicationScoped
public class TemplateLines {
    private final EntityManager em;
    private final Set<String> sourcesWithLines = ConcurrentHashMap.newKeySet();

    public TemplateLines(EntityManager em) {
        this.em = em;
    }

    /** A line in a zone, with the hash it is stored under (computed once: lines are looked up and inserted). */
    public record ZoneLine(char zone, String line, String hash) {
        static ZoneLine of(char zone, String line) {
            return new ZoneLine(zone, line, ContentDigest.of(line).hex().substring(0, 32));
        }
    }

    public static Set<ZoneLine> of(NormalizedCapture n) {
        Set<ZoneLine> lines = new LinkedHashSet<>();
        n.headCanonical().forEach(l -> lines.add(ZoneLine.of('H', l)));
        n.bodyCanonical().forEach(l -> lines.add(ZoneLine.of('B', l)));
        return lines;
    }

    /**
     * What the source's rows say about a capture's lines: for each line, the number of distinct articles it was seen
     * in counting the capture's article as one of them; and the lines that article does not hold yet (all of them
     * for a new article), the only rows placing the capture adds.
     */
    public record Counts(Map<ZoneLine, Integer> articles, Set<ZoneLine> newToArticle) {
    }

    /** The counts of {@code lines} with {@code article} (null: a new one) as one of the articles holding them. */
    public Counts countsWith(String source, Collection<ZoneLine> lines, UUID article) {
        Map<String, ZoneLine> byHash = new HashMap<>();
        lines.forEach(l -> byHash.put(l.zone() + l.hash(), l));
        Map<ZoneLine, Integer> counts = new HashMap<>();
        lines.forEach(l -> counts.put(l, 1));
        Set<ZoneLine> fresh = new LinkedHashSet<>(lines);
        if (lines.isEmpty()) {
            return new Counts(counts, fresh);
        }
        // One count row and one primary-key probe per line, however many articles share it (template_line_count is
        // kept by triggers, see V4).
        List<?> rows = Sql.statement(em, "select c.zone, c.line_hash, c.articles, exists (select 1 from template_line t"
                        + " where t.source = c.source and t.line_hash = c.line_hash and t.zone = c.zone"
                        + " and t.article_id = :article) from template_line_count c"
                        + " where c.source = :source and c.line_hash in (:hashes)")
                .setParameter("article", article == null ? new UUID(0, 0) : article).setParameter("source", source)
                .setParameter("hashes", byHash.values().stream().map(ZoneLine::hash).distinct().toList())
                .getResultList();
        for (Object row : rows) {
            Object[] r = (Object[]) row;
            ZoneLine line = byHash.get(r[0].toString() + r[1]);
            if (line != null) {
                int seen = ((Number) r[2]).intValue();
                boolean held = (Boolean) r[3];
                counts.put(line, held ? seen : seen + 1);
                if (held) {
                    fresh.remove(line);
                }
            }
        }
        return new Counts(counts, fresh);
    }

    /**
     * Whether the source has any rows; rows are only ever replaced, never all removed, so a yes is remembered. A yes
     * may come from rows the caller's own transaction wrote; those are written by the source's first derivation,
     * which also gives the source its template digest, so if that transaction rolls back the source has no digest
     * again and placement re-derives it without asking this.
     */
    public boolean any(String source) {
        if (sourcesWithLines.contains(source)) {
            return true;
        }
        boolean any = !Sql.statement(em, "select 1 from template_line where source = ?1 limit 1")
                .setParameter(1, source).getResultList().isEmpty();
        if (any) {
            sourcesWithLines.add(source);
        }
        return any;
    }

    public void add(String source, UUID article, Collection<ZoneLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        lines.forEach(l -> rows.add(new Object[] {source, String.valueOf(l.zone()), l.hash(), article}));
        insert(rows);
    }

    /** Replaces a source's rows after a full derivation. */
    public void replace(String source, Map<UUID, Set<ZoneLine>> linesByArticle) {
        Sql.statement(em, "delete from template_line where source = ?1").setParameter(1, source).executeUpdate();
        List<Object[]> rows = new ArrayList<>();
        linesByArticle.forEach((article, lines) -> lines.forEach(l -> rows.add(new Object[] {source, String.valueOf(l.zone()), l.hash(), article})));
        insert(rows);
    }

    private void insert(List<Object[]> rows) {
        Sql.insertAll(em, "template_line", "source, zone, line_hash, article_id", rows);
    }
}
