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
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.normalize.Zone;
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
        if (placed.capture().urlKey().isEmpty() || templateLines.hasArticlesFoundBySimilarity(src.key)) {
            return false;
        }
        Map<Zone, Map<String, Integer>> counted = zones(template);
        learned.forEach(l -> counted.get(l.zone()).put(l.line(), l.zone().threshold(rules)));
        Template grown = template(counted);

        Set<UUID> affected = templateLines.articlesHolding(src.key, learned);
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
        Map<UUID, Set<ZoneLine>> linesNow = new HashMap<>();
        linesNow.computeIfAbsent(own, k -> new HashSet<>()).addAll(TemplateLines.of(normalized));
        for (CaptureEntity c : stored) {
            linesNow.computeIfAbsent(c.articleId, k -> new HashSet<>())
                    .addAll(TemplateLines.of(templates.normalize(SourceTemplates.sourceCapture(c), grown)));
        }
        Map<String, Integer> delta = delta(templateLines.linesOf(src.key, affected), linesNow);
        learned.forEach(l -> delta.putIfAbsent(l.key(), 0));
        Map<String, Integer> countNow = templateLines.counts(src.key, delta.keySet());
        delta.forEach((key, d) -> countNow.merge(key, d, Integer::sum));
        Map<String, ZoneLine> members = new HashMap<>();
        for (Zone zone : Zone.values()) {
            zone.lines(grown).keySet().forEach(l -> members.put(ZoneLine.of(zone, l).key(), ZoneLine.of(zone, l)));
        }
        for (String key : delta.keySet()) {
            int count = countNow.getOrDefault(key, 0);
            ZoneLine member = members.get(key);
            if ((member != null) != count >= ZoneLine.zoneOf(key).threshold(rules)) {
                return false; // the counts would teach a template other than the grown one
            }
            if (member != null) {
                counted.get(member.zone()).put(member.line(), count);
            }
        }

        templates.update(src, template(counted), Instant.now());
        Map<UUID, Set<ZoneLine>> linesByArticle = new HashMap<>();
        for (UUID other : affected) {
            if (!other.equals(own)) {
                assembly.reassemble(src, ArticleEntity.findById(other), grown);
                linesByArticle.put(other, linesNow.getOrDefault(other, Set.of()));
            }
        }
        NewCapture regrown = new NewCapture(placed.capture(), placed.canonicalUrl(), normalized,
                MinHash.signature(normalized.canonicalBody()), placed.matches());
        ArticleEntity assembled = assembly.assemble(src, article, regrown, grown);
        linesByArticle.put(assembled.id, linesNow.get(own));
        templateLines.replaceOf(src.key, linesByArticle);
        LOG.infof("grew the template of source %s to version %d with %d line(s), re-assembling %d article(s)",
                src.key, src.templateVersion, learned.size(), linesByArticle.size());
        return true;
    }

    /** How many articles each line (by {@link ZoneLine#key}) gains or loses when the articles' lines become these. */
    private static Map<String, Integer> delta(Map<UUID, Set<String>> linesBefore, Map<UUID, Set<ZoneLine>> linesNow) {
        Map<String, Integer> delta = new HashMap<>();
        linesNow.forEach((a, lines) -> {
            Set<String> before = linesBefore.getOrDefault(a, Set.of());
            Set<String> after = new HashSet<>();
            for (ZoneLine l : lines) {
                after.add(l.key());
                if (!before.contains(l.key())) {
                    delta.merge(l.key(), 1, Integer::sum);
                }
            }
            before.stream().filter(k -> !after.contains(k)).forEach(k -> delta.merge(k, -1, Integer::sum));
        });
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
