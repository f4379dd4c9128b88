package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.Tuple;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.palimpsest.core.digest.ContentDigest;
import org.palimpsest.core.identity.IdentityKey;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Zone;
import org.palimpsest.core.store.Sql;

/**
 * Which articles each line was seen in, per template {@link Zone}: what template learning counts, kept so that one
 * capture can be checked against the thresholds.
 *
 * <p>The lines a group's appends add to their articles wait in the group's {@link CaptureRows} and are written with
 * its rows, in one statement; a placement that reads the rows here first writes those ({@link CaptureRows#writeLines}).
 */
@ApplicationScoped
public class TemplateLines {
    /**
     * Asks whether a source (parameter 1) has a live article found by similarity. The pattern is a literal, the
     * predicate of the partial index {@code article_found_by_similarity} (V29), so that the planner can prove the index
     * answers it; bound as a parameter, it read every live article key of the source.
     */
    public static final String FOUND_BY_SIMILARITY = "select 1 from article where source = ?1"
            + " and superseded_by is null and identity_key like '" + IdentityKey.SIMILARITY.likePattern() + "' limit 1";

    private final EntityManager em;
    private final Set<String> sourcesWithLines = ConcurrentHashMap.newKeySet();

    public TemplateLines(EntityManager em) {
        this.em = em;
    }

    /** A line in a zone, with the hash it is stored under (computed once: lines are looked up and inserted). */
    public record ZoneLine(Zone zone, String line, String hash) {
        static ZoneLine of(Zone zone, String line) {
            return new ZoneLine(zone, line, ContentDigest.of(line).hex().substring(0, 32));
        }

        /** Zone and hash: how a stored row names the line. */
        String key() {
            return key(zone.code(), hash);
        }

        /** The key of a stored row's zone code and hash. */
        static String key(Object zoneCode, Object hash) {
            return String.valueOf(zoneCode) + hash;
        }

        /** The zone a {@link #key} names. */
        static Zone zoneOf(String key) {
            return Zone.ofCode(key.charAt(0));
        }
    }

    public static Set<ZoneLine> of(NormalizedCapture n) {
        Set<ZoneLine> lines = new LinkedHashSet<>();
        for (Zone zone : Zone.values()) {
            zone.canonicalLines(n).forEach(l -> lines.add(ZoneLine.of(zone, l)));
        }
        return lines;
    }

    /** How many articles hold a line, and how many of them were born with it (their first capture holds it). */
    public record LineCount(int articles, int bornWith) {
        static final LineCount NONE = new LineCount(0, 0);

        /** One more article holding the line, born with it or not. */
        LineCount plus(boolean born) {
            return plus(new LineCount(1, born ? 1 : 0));
        }

        LineCount plus(LineCount other) {
            return new LineCount(articles + other.articles, bornWith + other.bornWith);
        }

        /**
         * Whether the count alone makes the line template: above the headline, the articles holding it; in the body,
         * the articles born with it.
         */
        boolean learns(Zone zone, NormalizationRules rules) {
            return (zone == Zone.HEAD ? articles : bornWith) >= zone.threshold(rules);
        }

        /**
         * A body line enough articles hold, too few born with it: template only if it is a site-wide insertion,
         * which only the whole source's captures tell (the full derivation decides it).
         */
        boolean undecided(Zone zone, NormalizationRules rules) {
            return zone == Zone.BODY && articles >= zone.threshold(rules) && !learns(zone, rules);
        }
    }

    /**
     * An article's lines: all its captures hold between them, and those its first capture holds (it was born with).
     */
    public record ArticleLines(Set<ZoneLine> lines, Set<ZoneLine> bornWith) {
        public static ArticleLines empty() {
            return new ArticleLines(new HashSet<>(), new HashSet<>());
        }

        /** Adds a capture's lines; {@code first} when it is the article's first capture. */
        public ArticleLines add(Set<ZoneLine> captureLines, boolean first) {
            lines.addAll(captureLines);
            if (first) {
                bornWith.addAll(captureLines);
            }
            return this;
        }
    }

    /**
     * What the source's rows say about a capture's lines: for each line, the articles it was seen in (and born with)
     * counting the capture's article as one of them; and the lines that article does not hold yet (all of them for a
     * new article), the only rows placing the capture adds.
     */
    public record Counts(Map<ZoneLine, LineCount> counts, Set<ZoneLine> newToArticle) {
    }

    /**
     * The counts of {@code lines} with {@code article} as one of the articles holding them: null for a new article
     * (born with every line), else an existing one whose first capture is earlier than the capture counted.
     */
    public Counts countsWith(String source, Collection<ZoneLine> lines, UUID article) {
        if (lines.isEmpty()) {
            return counted(lines, article == null, l -> LineCount.NONE, l -> false);
        }
        Map<String, ZoneLine> byHash = new HashMap<>();
        lines.forEach(l -> byHash.put(l.key(), l));
        // One count row and one primary-key probe per line, however many articles share it (template_line_count is
        // kept by triggers, see V4, V6 and V19).
        List<Tuple> rows = Sql.list(Sql.rows(em, "select c.zone, c.line_hash, c.articles, c.born_with, exists (select 1"
                        + " from template_line t where t.source = c.source and t.line_hash = c.line_hash"
                        + " and t.zone = c.zone and t.article_id = :article) as held from template_line_count c"
                        + " where c.source = :source and c.line_hash = any(cast(:hashes as text[]))")
                .setParameter("article", article == null ? new UUID(0, 0) : article).setParameter("source", source)
                .setParameter("hashes", Sql.array(byHash.values().stream().map(ZoneLine::hash).distinct().toList())));
        Map<ZoneLine, LineCount> stored = new HashMap<>();
        Set<ZoneLine> held = new HashSet<>();
        for (Tuple row : rows) {
            ZoneLine line = byHash.get(ZoneLine.key(row.get("zone"), row.get("line_hash")));
            if (line != null) {
                stored.put(line, new LineCount(row.get("articles", Number.class).intValue(),
                        row.get("born_with", Number.class).intValue()));
                if (row.get("held", Boolean.class)) {
                    held.add(line);
                }
            }
        }
        return counted(lines, article == null, l -> stored.getOrDefault(l, LineCount.NONE), held::contains);
    }

    /**
     * The counts of {@code lines} from what is stored: {@code stored}, how many articles hold a line; {@code held},
     * whether the capture's article is one of them ({@code born}: the article is new, born with every line).
     */
    static Counts counted(Collection<ZoneLine> lines, boolean born, Function<ZoneLine, LineCount> stored,
            Predicate<ZoneLine> held) {
        Map<ZoneLine, LineCount> counts = new HashMap<>();
        Set<ZoneLine> fresh = new LinkedHashSet<>();
        for (ZoneLine line : lines) {
            LineCount seen = stored.apply(line);
            if (held.test(line)) {
                counts.put(line, seen);
            } else {
                counts.put(line, seen.plus(born));
                fresh.add(line);
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

    /** The live articles of the source holding any of the lines, in either zone. */
    Set<UUID> articlesHolding(String source, Collection<ZoneLine> lines) {
        return new HashSet<>(em.createNativeQuery("select distinct t.article_id from template_line t join article a"
                        + " on a.id = t.article_id and a.superseded_by is null where t.source = :source"
                        + " and t.line_hash = any(cast(:hashes as text[]))", UUID.class)
                .setFlushMode(FlushModeType.COMMIT).setParameter("source", source)
                .setParameter("hashes", Sql.array(lines.stream().map(ZoneLine::hash).toList()))
                .getResultList());
    }

    /** Whether the article holds any of the lines, in either zone. */
    boolean holdsAny(String source, UUID article, Collection<ZoneLine> lines) {
        return !lines.isEmpty() && !em.createNativeQuery("select 1 from template_line where source = :source"
                        + " and article_id = :article and line_hash = any(cast(:hashes as text[])) limit 1")
                .setFlushMode(FlushModeType.COMMIT).setParameter("source", source).setParameter("article", article)
                .setParameter("hashes", Sql.array(lines.stream().map(ZoneLine::hash).distinct().toList()))
                .getResultList().isEmpty();
    }

    /** The stored lines of each of the articles, by {@link ZoneLine#key}, each with whether it was born with it. */
    Map<UUID, Map<String, Boolean>> linesOf(String source, Collection<UUID> articles) {
        Map<UUID, Map<String, Boolean>> lines = new HashMap<>();
        if (articles.isEmpty()) {
            return lines;
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, "select article_id, zone, line_hash, born_with from template_line"
                        + " where source = :source and article_id = any(cast(:articles as uuid[]))")
                .setParameter("source", source).setParameter("articles", Sql.array(articles)));
        for (Tuple row : rows) {
            lines.computeIfAbsent(row.get("article_id", UUID.class), k -> new HashMap<>())
                    .put(ZoneLine.key(row.get("zone"), row.get("line_hash")), row.get("born_with", Boolean.class));
        }
        return lines;
    }

    /** Which of the lines (by {@link ZoneLine#key}) each of the articles holds (an article holding none: empty). */
    Map<UUID, Set<String>> held(String source, Collection<UUID> articles, Collection<String> keys) {
        Map<UUID, Set<String>> held = new HashMap<>();
        articles.forEach(a -> held.put(a, new HashSet<>()));
        if (articles.isEmpty() || keys.isEmpty()) {
            return held;
        }
        // The articles' own rows, read by article (index template_line_article), a few dozen each. Asked by line too,
        // the planner may walk the primary key by line, through every article holding a template line.
        linesOf(source, articles).forEach((article, lines) -> lines.keySet().stream().filter(keys::contains)
                .forEach(held.get(article)::add));
        return held;
    }

    /** How many articles hold each line and were born with it (by {@link ZoneLine#key}); lines none holds left out. */
    Map<String, LineCount> counts(String source, Collection<String> keys) {
        Map<String, LineCount> counts = new HashMap<>();
        if (keys.isEmpty()) {
            return counts;
        }
        List<Tuple> rows = Sql.list(Sql.rows(em, "select zone, line_hash, articles, born_with from template_line_count"
                        + " where source = :source and line_hash = any(cast(:hashes as text[]))")
                .setParameter("source", source)
                .setParameter("hashes", Sql.array(keys.stream().map(k -> k.substring(1)).distinct().toList())));
        for (Tuple row : rows) {
            String key = ZoneLine.key(row.get("zone"), row.get("line_hash"));
            if (keys.contains(key)) {
                counts.put(key, new LineCount(row.get("articles", Number.class).intValue(),
                        row.get("born_with", Number.class).intValue()));
            }
        }
        return counts;
    }

    /** Whether the source has a live article found by similarity rather than by URL. */
    boolean hasArticlesFoundBySimilarity(String source) {
        return !Sql.statement(em, FOUND_BY_SIMILARITY).setParameter(1, source).getResultList().isEmpty();
    }

    /**
     * Whether a body line is surely no site-wide insertion, held by the capture at {@code at}: a capture of an article
     * that never held the line lies strictly between that capture and one of another article holding it. (An article
     * holds a line in some capture between its first and last; a site-wide insertion is held by every capture of the
     * source from the first holding it to the last, see {@code SourceDerivation.heldThroughout}.) False when no such
     * capture is found, which proves nothing. The caller has flushed the session: the articles' capture times and the
     * captures' articles are read as stored.
     */
    boolean interrupted(String source, ZoneLine line, Instant at) {
        return !Sql.statement(em, "select 1 from template_line t join article a on a.id = t.article_id"
                        + " cross join lateral (select case when a.last_captured_at < :at then a.last_captured_at"
                        + " else :at end as after, case when a.last_captured_at < :at then :at"
                        + " else a.first_captured_at end as before) h"
                        + " where t.source = :source and t.line_hash = :hash and t.zone = :zone"
                        + " and (a.last_captured_at < :at or a.first_captured_at > :at)"
                        + " and exists (select 1 from capture c where c.source = :source"
                        + " and c.captured_at > h.after and c.captured_at < h.before and c.article_id is not null"
                        + " and not exists (select 1 from template_line o where o.source = :source"
                        + " and o.line_hash = :hash and o.zone = :zone and o.article_id = c.article_id)) limit 1")
                .setParameter("source", source).setParameter("hash", line.hash())
                .setParameter("zone", String.valueOf(line.zone().code())).setParameter("at", at)
                .getResultList().isEmpty();
    }

    /** Replaces the rows of some of the source's articles. */
    void replaceOf(String source, Map<UUID, ArticleLines> linesByArticle) {
        Sql.statement(em, "delete from template_line where source = :source"
                        + " and article_id = any(cast(:articles as uuid[]))")
                .setParameter("source", source).setParameter("articles", Sql.array(linesByArticle.keySet()))
                .executeUpdate();
        insert(source, linesByArticle);
    }

    /** Replaces a source's rows after a full derivation. */
    public void replace(String source, Map<UUID, ArticleLines> linesByArticle) {
        Sql.statement(em, "delete from template_line where source = ?1").setParameter(1, source).executeUpdate();
        insert(source, linesByArticle);
    }

    /** Adds the rows of articles that have none. */
    void insert(String source, Map<UUID, ArticleLines> linesByArticle) {
        insert(em, source, linesByArticle);
    }

    /**
     * Adds rows the articles do not have yet, in one statement: those of articles that have none, or the lines new to
     * articles that have some ({@link CaptureRows#linesAdded}).
     */
    static void insert(EntityManager em, String source, Map<UUID, ArticleLines> linesByArticle) {
        List<Object[]> rows = new ArrayList<>();
        linesByArticle.forEach((article, lines) -> lines.lines().forEach(l -> rows.add(new Object[] {source,
                String.valueOf(l.zone().code()), l.hash(), article, lines.bornWith().contains(l)})));
        Sql.insertAll(em, "template_line",
                "source text, zone char(1), line_hash text, article_id uuid, born_with boolean", rows);
    }
}
