package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.normalize.Zone;
import org.palimpsest.core.placement.TemplateLines.ArticleLines;
import org.palimpsest.core.placement.TemplateLines.LineCount;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;

/**
 * A capture makes lines reach a template threshold. When the source's articles are all found by URL (so no grouping
 * depends on content), the grown template changes only the articles holding a learned line: those are re-assembled
 * under it and the rest of the source is left as it is — provided the article counts then agree with the grown
 * template, i.e. no line crosses a threshold either way as lines of those articles move between zones. Otherwise
 * this answers false, having written nothing, and the caller re-derives the source.
 *
 * <p>With no line learned it places a capture earlier than its article's first (a page's earlier capture arriving
 * late, as from concurrent crawls or imports): the article is born with other lines then, which moves the counts of
 * its lines alone; if they still agree with the template, the article is re-assembled and the rest of the source is
 * left as it is.
 */
@ApplicationScoped
class TemplateGrowth {
    private static final Logger LOG = Logger.getLogger(TemplateGrowth.class);
    private final NormalizationRules rules;
    private final TemplateLines templateLines;
    private final SourceTemplates templates;
    private final ArticleAssembly assembly;

    TemplateGrowth(NormalizeConfig config, TemplateLines templateLines, SourceTemplates templates,
            ArticleAssembly assembly) {
        this.rules = config.rules();
        this.templateLines = templateLines;
        this.templates = templates;
        this.assembly = assembly;
    }

    /**
     * Grows the template by {@code learned} and places {@code placed} (normalised under the old template) into
     * {@code article} (null: a new one); false, with nothing written, when only a whole-source derivation is right.
     */
    boolean grow(SourceEntity src, ArticleEntity article, NewCapture placed, Template template, Set<ZoneLine> learned) {
        long started = System.nanoTime();
        if (placed.capture().urlKey().isEmpty() || templateLines.hasArticlesFoundBySimilarity(src.key)) {
            return false;
        }
        Map<Zone, Map<String, Integer>> counted = zones(template);
        learned.forEach(l -> counted.get(l.zone()).put(l.line(), l.zone().threshold(rules)));
        Template grown = template(counted);

        Set<UUID> affected = learned.isEmpty() ? new HashSet<>() : templateLines.articlesHolding(src.key, learned);
        if (article != null) {
            affected.add(article.id);
        }
        List<CaptureEntity> stored = affected.isEmpty() ? List.of()
                : CaptureEntity.<CaptureEntity>list("articleId in ?1", affected);
        if (stored.stream().anyMatch(c -> c.urlKey == null)) {
            return false;
        }
        UUID own = article == null ? new UUID(0, 0) : article.id; // a new article has no id yet
        NormalizedCapture normalized = templates.normalize(placed.capture(), grown);
        Map<UUID, ArticleLines> linesNow = new HashMap<>();
        // In time order, the placed capture among them (it may be its article's new first capture): an article's
        // first capture is what it was born with.
        Map<String, Map.Entry<UUID, NormalizedCapture>> inOrder = new TreeMap<>();
        for (CaptureEntity c : stored) {
            SourceCapture sc = SourceTemplates.sourceCapture(c);
            inOrder.put(sc.orderKey(), Map.entry(c.articleId, templates.normalize(sc, grown)));
        }
        inOrder.put(placed.capture().orderKey(), Map.entry(own, normalized));
        for (Map.Entry<UUID, NormalizedCapture> c : inOrder.values()) {
            boolean first = !linesNow.containsKey(c.getKey());
            linesNow.computeIfAbsent(c.getKey(), k -> ArticleLines.empty()).add(TemplateLines.of(c.getValue()), first);
        }
        Map<String, int[]> delta = delta(templateLines.linesOf(src.key, affected), linesNow);
        learned.forEach(l -> delta.putIfAbsent(l.key(), new int[2]));
        Map<String, LineCount> countNow = templateLines.counts(src.key, delta.keySet());
        delta.forEach((key, d) -> countNow.merge(key, new LineCount(d[0], d[1]), LineCount::plus));
        Map<String, ZoneLine> members = new HashMap<>();
        for (Zone zone : Zone.values()) {
            zone.lines(grown).keySet().forEach(l -> members.put(ZoneLine.of(zone, l).key(), ZoneLine.of(zone, l)));
        }
        for (String key : delta.keySet()) {
            LineCount count = countNow.getOrDefault(key, LineCount.NONE);
            Zone zone = ZoneLine.zoneOf(key);
            ZoneLine member = members.get(key);
            if (count.undecided(zone, rules) || (member != null) != count.learns(zone, rules)) {
                return false; // the counts would teach a template other than the grown one, or only all captures tell
            }
            if (member != null) {
                counted.get(member.zone()).put(member.line(), count.articles());
            }
        }

        templates.update(src, template(counted), Instant.now());
        Map<UUID, ArticleLines> linesByArticle = new HashMap<>();
        for (UUID other : affected) {
            if (!other.equals(own)) {
                assembly.reassemble(src, ArticleEntity.findById(other), grown);
                linesByArticle.put(other, linesNow.getOrDefault(other, ArticleLines.empty()));
            }
        }
        NewCapture regrown = new NewCapture(placed.capture(), placed.canonicalUrl(), normalized,
                MinHash.signature(normalized.canonicalBody()), placed.matches());
        ArticleEntity assembled = assembly.assemble(src, article, regrown, grown).article();
        linesByArticle.put(assembled.id, linesNow.get(own));
        templateLines.replaceOf(src.key, linesByArticle);
        if (!learned.isEmpty()) {
            LOG.infof("grew the template of source %s to version %d with %d line(s), re-assembling %d article(s),"
                    + " in %d ms", src.key, src.templateVersion, learned.size(), linesByArticle.size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
        return true;
    }

    /**
     * How many articles each line (by {@link ZoneLine#key}) gains or loses, and how many born with it, when the
     * articles' lines become these.
     */
    private static Map<String, int[]> delta(Map<UUID, Map<String, Boolean>> linesBefore,
            Map<UUID, ArticleLines> linesNow) {
        Map<String, int[]> delta = new HashMap<>();
        linesNow.forEach((a, lines) -> {
            Map<String, Boolean> before = linesBefore.getOrDefault(a, Map.of());
            Map<String, Boolean> after = new HashMap<>();
            lines.lines().forEach(l -> after.put(l.key(), lines.bornWith().contains(l)));
            Set<String> keys = new HashSet<>(before.keySet());
            keys.addAll(after.keySet());
            for (String key : keys) {
                int[] d = delta.computeIfAbsent(key, k -> new int[2]);
                d[0] += (after.containsKey(key) ? 1 : 0) - (before.containsKey(key) ? 1 : 0);
                d[1] += (Boolean.TRUE.equals(after.get(key)) ? 1 : 0) - (Boolean.TRUE.equals(before.get(key)) ? 1 : 0);
            }
        });
        delta.values().removeIf(d -> d[0] == 0 && d[1] == 0);
        return delta;
    }

    /** A template's lines by zone, as sorted maps to count in. */
    static Map<Zone, Map<String, Integer>> zones(Template template) {
        Map<Zone, Map<String, Integer>> zones = new EnumMap<>(Zone.class);
        for (Zone zone : Zone.values()) {
            zones.put(zone, new TreeMap<>(zone.lines(template)));
        }
        return zones;
    }

    static Template template(Map<Zone, Map<String, Integer>> zones) {
        return new Template(new TreeMap<>(zones.get(Zone.HEAD)), new TreeMap<>(zones.get(Zone.BODY)));
    }
}
