package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.identity.IdentityKey;
import org.palimpsest.core.identity.Lsh;
import org.palimpsest.core.identity.MinHash;
import org.palimpsest.core.normalize.NormalizationRules;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.normalize.NormalizedCapture;
import org.palimpsest.core.normalize.Template;
import org.palimpsest.core.normalize.Zone;
import org.palimpsest.core.placement.TemplateLines.ZoneLine;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.SourceEntity;

/**
 * Places one new capture without re-deriving its source, when that gives what a full derivation would.
 *
 * <p>With the stored template T, the capture is normalised and its LSH candidates are checked. The full derivation
 * of the source plus this capture would reach the same template and grouping when (1) the capture links to at most
 * one existing article — and, if it has a URL, only to that URL's article — and (2) none of its lines reaches a
 * template threshold it had not reached. Then T is still the fixed point, only the capture's article changes, and
 * that article alone is placed: appended to from a few columns of its captures when the capture is its latest
 * ({@link ArticleAppend}), else re-assembled from all of them ({@link ArticleAssembly}). When (2) fails the capture
 * teaches the template a line, which {@link TemplateGrowth} handles where it can. Otherwise this answers why, and
 * the caller re-derives the source.
 */
@ApplicationScoped
class IncrementalPlacement {
    private final NormalizationRules rules;
    private final double similarityThreshold;
    private final TemplateLines templateLines;
    private final SourceTemplates templates;
    private final ArticleAppend append;
    private final ArticleAssembly assembly;
    private final TemplateGrowth growth;
    private final PlacementCounts placements;
    private final GroupPrefetch prefetch;
    private final EntityManager em;

    IncrementalPlacement(NormalizeConfig config, TemplateLines templateLines, SourceTemplates templates,
            ArticleAppend append, ArticleAssembly assembly, TemplateGrowth growth, PlacementCounts placements,
            GroupPrefetch prefetch, EntityManager em) {
        this.em = em;
        this.placements = placements;
        this.prefetch = prefetch;
        this.rules = config.rules();
        this.similarityThreshold = config.similarityThreshold();
        this.templateLines = templateLines;
        this.templates = templates;
        this.append = append;
        this.assembly = assembly;
        this.growth = growth;
    }

    /**
     * Places a capture of {@code rows} ({@code canonicalUrl} is its canonical URL, if it has one) and answers empty; or
     * answers why, having written nothing, when only re-deriving the whole source gives the right answer.
     */
    Optional<String> tryPlace(String source, SourceCapture sc, String canonicalUrl, GroupReads reads,
            CaptureRows rows) {
        SourceEntity src = SourceEntity.findById(source);
        if (src.templateDigest == null || !templateLines.any(source)) {
            return Optional.of("the source had nothing derived yet, or was derived before the incremental tables");
        }
        Template template = templates.of(src);
        if (!template.insertedLines().isEmpty()) {
            return Optional.of("its template has inserted lines, which every capture of the source decides");
        }
        GroupReads.Text text = reads.text(sc.id(), src.templateDigest);
        GroupReads readAhead = text != null ? reads : GroupReads.none(); // read with this template, or not used
        placements.read(text != null ? PlacementCounts.Reads.AHEAD : PlacementCounts.Reads.OWN);
        if (text == null) {
            text = GroupReads.Text.of(templates.normalize(sc, template));
        }
        NormalizedCapture normalized = text.normalized();
        int[] signature = text.signature();
        List<SimilarVersion> matches = similarVersions(source, signature, readAhead);
        Set<UUID> similarArticles = new HashSet<>();
        matches.forEach(m -> similarArticles.add(m.article()));

        ArticleEntity article;
        if (sc.urlKey().isPresent()) {
            String key = IdentityKey.URL.of(sc.urlKey().get());
            article = reads.article(key, () -> ArticleEntity.<ArticleEntity>find(
                    "source = ?1 and identityKey = ?2 and supersededBy is null", source, key).firstResult());
            if (!similarArticles.isEmpty() && (article == null || !Set.of(article.id).containsAll(similarArticles))) {
                return Optional.of("the capture is similar to another article than its URL's");
            }
        } else {
            if (similarArticles.size() > 1) {
                return Optional.of("the capture is similar to several articles");
            }
            article = similarArticles.isEmpty() ? null : ArticleEntity.findById(similarArticles.iterator().next());
        }
        NewCapture placed = new NewCapture(sc, canonicalUrl, normalized, signature, matches);
        if (article != null && !sc.capturedAt().isAfter(article.firstCapturedAt)) {
            // A new first capture: the lines the article was born with change, and their counts with them.
            reads.changedOtherwise();
            rows.writeAll();
            if (growth.grow(src, article, placed, template, Set.of())) {
                em.flush();
                placements.placed(PlacementCounts.Path.ASSEMBLE);
                return Optional.empty();
            }
            return Optional.of("the capture is its article's new first"
                    + " and moves the template, or the source has articles found by similarity");
        }

        Set<ZoneLine> lines = text.lines();
        UUID articleId = article == null ? null : article.id;
        TemplateLines.Counts counts = readAhead.counts(lines, articleId);
        if (counts == null) {
            rows.writeLines();
            counts = templateLines.countsWith(source, lines, articleId);
        }
        Map<Zone, Map<String, Integer>> counted = TemplateGrowth.zones(template);
        Set<ZoneLine> learned = new LinkedHashSet<>();
        for (Map.Entry<ZoneLine, TemplateLines.LineCount> e : counts.counts().entrySet()) {
            ZoneLine line = e.getKey();
            TemplateLines.LineCount count = e.getValue();
            Map<String, Integer> zone = counted.get(line.zone());
            if (zone.containsKey(line.line())) {
                zone.put(line.line(), count.articles());
            } else if (count.learns(line.zone(), rules)) {
                learned.add(line);
            } else if (count.undecided(line.zone(), rules) && counts.newToArticle().contains(line)
                    && count.articles() == line.zone().threshold(rules) && !interrupted(source, line, sc, rows)) {
                return Optional.of("the capture makes a line undecided:"
                        + " an insertion or an edit, which the whole source tells");
            }
        }
        if (!learned.isEmpty()) {
            reads.changedOtherwise();
            rows.writeAll();
            if (growth.grow(src, article, placed, template, learned)) {
                em.flush();
                placements.placed(PlacementCounts.Path.GROWTH);
                return Optional.empty();
            }
            return Optional.of("the capture teaches the template a line that only the whole source"
                    + " can place");
        }

        ArticleEntity appended = append.tryAppend(src, article, placed, reads, rows, Instant.now());
        if (appended == null) {
            rows.writeFor(UUID.fromString(sc.id()));
            em.flush();
            ArticleReconciler.Result assembled = assembly.assemble(src, article, placed, template);
            em.flush();
            appended = assembled.article();
            reads.reassembled(appended, assembled.live());
            placements.placed(PlacementCounts.Path.ASSEMBLE);
        } else {
            placements.placed(PlacementCounts.Path.APPEND);
        }
        rows.linesAdded(source, appended.id, counts.newToArticle(), article == null);
        reads.linesAdded(appended.id, counts.newToArticle(), article == null);
        Template recounted = TemplateGrowth.template(counted);
        if (!recounted.headLines().equals(template.headLines()) || !recounted.bodyLines().equals(template.bodyLines())) {
            templates.recount(src, recounted);
        }
        return Optional.empty();
    }

    /**
     * Whether a line this capture makes undecided is surely an edit of the articles holding it, not a site-wide
     * insertion ({@link TemplateLines#interrupted}): then it is no template line, as before, and the capture is placed
     * with the template it has. Rare (a line reaching the body threshold with too few articles born with it), so the
     * session is flushed for the look-up to read what this transaction placed so far.
     */
    private boolean interrupted(String source, ZoneLine line, SourceCapture sc, CaptureRows rows) {
        rows.writeLines();
        em.flush();
        return templateLines.interrupted(source, line, sc.capturedAt());
    }

    /**
     * The live versions of the source whose bodies are near-duplicates of {@code signature}'s, best first: from the
     * candidates read ahead for the group when there are, else read.
     */
    private List<SimilarVersion> similarVersions(String source, int[] signature, GroupReads reads) {
        List<Long> keys = Lsh.bandKeys(signature);
        Collection<GroupReads.Candidate> candidates = keys.isEmpty() ? List.of() : reads.candidates(keys);
        if (candidates == null) {
            candidates = GroupReads.distinct(keys, prefetch.candidates(source, keys));
        }
        List<SimilarVersion> matches = new ArrayList<>();
        for (GroupReads.Candidate c : candidates) {
            double score = MinHash.similarity(signature, c.signature());
            if (score >= similarityThreshold) {
                matches.add(new SimilarVersion(c.article(), c.version(), score));
            }
        }
        matches.sort(Comparator.comparingDouble(SimilarVersion::score).reversed()
                .thenComparing(SimilarVersion::version));
        return matches;
    }
}
