package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.palimpsest.core.derivation.Derivation;
import org.palimpsest.core.derivation.SourceCapture;
import org.palimpsest.core.derivation.SourceDerivation;
import org.palimpsest.core.error.ArchiveException;
import org.palimpsest.core.error.ProblemKind;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.VersionEntity;

/**
 * Re-derives a whole source from its stored captures ({@link SourceDerivation}, the fixed point of template and
 * articles) and reconciles the result with the stored rows: articles keep their ids where their identity or most of
 * their captures carry over, versions theirs by digest, and what is gone points at what replaced it. Callers hold the
 * source's lock, inside their transaction. Every capture of the source is held in memory at once: a source larger
 * than the heap holds ({@link RederiveConfig}) is refused before anything is read.
 */
@ApplicationScoped
class SourceRederiver {
    private static final Logger LOG = Logger.getLogger(SourceRederiver.class);
    private final SourceDerivation derivation;
    private final ArticleReconciler reconciler;
    private final TemplateLines templateLines;
    private final SourceTemplates templates;
    private final RederiveConfig limits;

    SourceRederiver(NormalizeConfig config, RederiveConfig limits, ArticleReconciler reconciler,
            TemplateLines templateLines, SourceTemplates templates) {
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.limits = limits;
        this.reconciler = reconciler;
        this.templateLines = templateLines;
        this.templates = templates;
    }

    void rederive(String source) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        refuseBeyondTheHeap(source);
        SourceEntity src = SourceEntity.findById(source);
        List<CaptureEntity> stored = CaptureEntity.list("source", source);
        Map<String, CaptureEntity> byKey = new HashMap<>();
        List<SourceCapture> inputs = new ArrayList<>();
        for (CaptureEntity c : stored) {
            SourceCapture sc = SourceTemplates.sourceCapture(c);
            byKey.put(sc.orderKey(), c);
            inputs.add(sc);
        }
        Derivation d = derivation.derive(inputs);
        templates.update(src, d.template(), now);

        Map<UUID, UUID> oldVersionOf = new HashMap<>();
        Map<UUID, UUID> oldArticleOf = new HashMap<>();
        for (CaptureEntity c : stored) {
            if (c.versionId != null) {
                oldVersionOf.put(c.id, c.versionId);
                oldArticleOf.put(c.id, c.articleId);
            }
        }
        Map<String, ArticleEntity> liveByKey = ArticleEntity.<ArticleEntity>list(
                        "source = ?1 and supersededBy is null", source).stream()
                .collect(Collectors.toMap(a -> a.identityKey, Function.identity()));
        Map<UUID, ArticleEntity> unmatched = new HashMap<>();
        liveByKey.values().forEach(a -> unmatched.put(a.id, a));
        Map<Derivation.Article, ArticleEntity> matched = new IdentityHashMap<>();
        for (Derivation.Article article : d.articles()) {
            ArticleEntity byIdentity = liveByKey.get(article.identityKey());
            if (byIdentity != null) {
                matched.put(article, byIdentity);
                unmatched.remove(byIdentity.id);
            }
        }
        for (Derivation.Article article : d.articles()) {
            if (!matched.containsKey(article)) {
                mostOverlapping(article, byKey, oldArticleOf, unmatched).ifPresent(a -> {
                    matched.put(article, a);
                    unmatched.remove(a.id);
                });
            }
        }
        List<VersionEntity> leftovers = new ArrayList<>();
        Map<UUID, TemplateLines.ArticleLines> linesByArticle = new HashMap<>();
        for (Derivation.Article article : d.articles()) {
            ArticleReconciler.Result result = reconciler.reconcile(src, matched.get(article), article, byKey, now);
            leftovers.addAll(result.leftovers());
            TemplateLines.ArticleLines lines = linesByArticle.computeIfAbsent(result.article().id,
                    k -> TemplateLines.ArticleLines.empty());
            for (int i = 0; i < article.captures().size(); i++) { // in time order: the first is what it was born with
                lines.add(TemplateLines.of(article.captures().get(i).normalized()), i == 0);
            }
        }
        reconciler.supersede(unmatched.values(), leftovers, stored, oldArticleOf, oldVersionOf, now);
        templateLines.replace(source, linesByArticle);
        LOG.infof("re-derived source %s: %d captures, %d articles, template version %d, in %d ms", source,
                stored.size(), d.articles().size(), src.templateVersion, (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Throws a 503 problem, having read nothing, when the source has more captures than a re-derivation may hold: the
     * caller's transaction is then rolled back, and nothing of the request that needed it is stored.
     */
    private void refuseBeyondTheHeap(String source) {
        long heap = Runtime.getRuntime().maxMemory();
        long limit = limits.limit(heap);
        long captures = CaptureEntity.count("source", source);
        if (captures > limit) {
            LOG.errorf("refused to re-derive source %s: %d captures, at most %d with a heap of %d MB", source,
                    captures, limit, heap >> 20);
            throw new ArchiveException(ProblemKind.UNAVAILABLE, String.format(Locale.ROOT, "source %s"
                    + " would have to be re-derived from all its %d captures, held in memory at once, and this server"
                    + " re-derives at most %d (a heap of %d MB; palimpsest.rederive.*), so nothing was changed and the"
                    + " capture that needed it was not stored. An operator can give the server a larger heap (-Xmx)"
                    + " or set palimpsest.rederive.max-captures", source, captures, limit, heap >> 20));
        }
    }

    /** The live article, not yet matched, that held most of this derived article's captures. */
    private static Optional<ArticleEntity> mostOverlapping(Derivation.Article article, Map<String, CaptureEntity> byKey,
            Map<UUID, UUID> oldArticleOf, Map<UUID, ArticleEntity> unmatched) {
        return article.captures().stream()
                .map(dc -> oldArticleOf.get(byKey.get(dc.capture().orderKey()).id))
                .filter(id -> id != null && unmatched.containsKey(id))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> unmatched.get(e.getKey()));
    }
}
