package org.palimpsest.core.placement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
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
import org.palimpsest.core.identity.ArticleClusterer;
import org.palimpsest.core.normalize.NormalizeConfig;
import org.palimpsest.core.store.ArticleEntity;
import org.palimpsest.core.store.CaptureEntity;
import org.palimpsest.core.store.SourceEntity;
import org.palimpsest.core.store.Sql;
import org.palimpsest.core.store.VersionEntity;

/**
 * Re-derives a whole source from its stored captures ({@link SourceDerivation}, the fixed point of template and
 * articles) and reconciles the result with the stored rows: articles keep their ids where their identity or most of
 * their captures carry over, versions theirs by digest, and what is gone points at what replaced it. Callers hold the
 * source's lock, inside their transaction.
 *
 * <p>What it holds grows with the source's captures by a few kilobytes each ({@link StoredCaptures}: their columns;
 * {@link SourceDerivation#plan}: each one's signature and lines), not with their text: the text is read again in chunks
 * for each round of learning, and the articles are written a chunk at a time, each chunk's rows let go of once
 * flushed. A source larger than the heap holds ({@link RederiveConfig}) is refused before anything is read.
 */
@ApplicationScoped
class SourceRederiver {
    private static final Logger LOG = Logger.getLogger(SourceRederiver.class);
    private final SourceDerivation derivation;
    private final ArticleReconciler reconciler;
    private final TemplateLines templateLines;
    private final SourceTemplates templates;
    private final RederiveConfig limits;
    private final EntityManager em;

    SourceRederiver(NormalizeConfig config, RederiveConfig limits, ArticleReconciler reconciler,
            TemplateLines templateLines, SourceTemplates templates, EntityManager em) {
        this.em = em;
        this.derivation = new SourceDerivation(config.rules(), config.similarityThreshold());
        this.limits = limits;
        this.reconciler = reconciler;
        this.templateLines = templateLines;
        this.templates = templates;
    }

    /** Re-derives the source; {@code why}, in a few words, goes to the log. */
    void rederive(String source, String why) {
        long started = System.nanoTime();
        Instant now = Instant.now();
        refuseBeyondTheHeap(source, why);
        em.flush(); // the captures are read by statements that do not flush
        SourceEntity src = SourceEntity.findById(source);
        StoredCaptures stored = StoredCaptures.of(em, source);
        SourceDerivation.Plan plan = derivation.plan(stored);
        templates.update(src, plan.template(), now);

        Map<String, ArticleEntity> liveByKey = ArticleEntity.<ArticleEntity>list(
                        "source = ?1 and supersededBy is null", source).stream()
                .collect(Collectors.toMap(a -> a.identityKey, Function.identity()));
        Map<UUID, ArticleEntity> unmatched = new HashMap<>();
        liveByKey.values().forEach(a -> unmatched.put(a.id, a));
        Map<ArticleClusterer.Cluster, ArticleEntity> matched = new IdentityHashMap<>();
        for (ArticleClusterer.Cluster article : plan.articles()) {
            ArticleEntity byIdentity = liveByKey.get(article.identityKey());
            if (byIdentity != null) {
                matched.put(article, byIdentity);
                unmatched.remove(byIdentity.id);
            }
        }
        for (ArticleClusterer.Cluster article : plan.articles()) {
            if (!matched.containsKey(article)) {
                mostOverlapping(article, stored, unmatched).ifPresent(a -> {
                    matched.put(article, a);
                    unmatched.remove(a.id);
                });
            }
        }
        templateLines.replace(source, Map.of());
        List<VersionEntity> leftovers = new ArrayList<>();
        List<ArticleReconciler.Move> moves = new ArrayList<>();
        for (List<ArticleClusterer.Cluster> chunk : chunks(plan.articles())) {
            List<Derivation.Article> articles = derivation.articles(stored, plan, chunk);
            Map<String, CaptureEntity> byKey = entities(chunk, stored);
            Map<UUID, TemplateLines.ArticleLines> linesByArticle = new HashMap<>();
            List<VersionEntity> live = new ArrayList<>();
            for (int a = 0; a < chunk.size(); a++) {
                Derivation.Article article = articles.get(a);
                ArticleReconciler.Result result = reconciler.reconcile(src, matched.get(chunk.get(a)), article, byKey,
                        key -> stored.get(key).id(), now);
                leftovers.addAll(result.leftovers());
                live.addAll(result.live());
                TemplateLines.ArticleLines lines = linesByArticle.computeIfAbsent(result.article().id,
                        k -> TemplateLines.ArticleLines.empty());
                for (int i = 0; i < article.captures().size(); i++) { // in time order: the first is its birth
                    lines.add(TemplateLines.of(article.captures().get(i).normalized()), i == 0);
                }
            }
            for (Map.Entry<String, CaptureEntity> e : byKey.entrySet()) {
                StoredCaptures.Stored before = stored.get(e.getKey());
                if (before.version() != null) {
                    moves.add(new ArticleReconciler.Move(before.id(), before.article(), before.version(),
                            e.getValue().articleId, e.getValue().versionId));
                }
            }
            templateLines.insert(source, linesByArticle);
            // Written, then let go: the session holds no more than a chunk of the source's captures at once.
            em.flush();
            byKey.values().forEach(em::detach);
            live.forEach(em::detach);
        }
        reconciler.supersede(unmatched.values(), leftovers, moves, now);
        LOG.infof("re-derived source %s (%s): %d captures, %d articles, template version %d, in %d ms", source, why,
                stored.size(), plan.articles().size(), src.templateVersion, (System.nanoTime() - started) / 1_000_000);
    }

    /** The articles in runs of about {@link StoredCaptures#CHUNK} captures, in their order. */
    private static List<List<ArticleClusterer.Cluster>> chunks(List<ArticleClusterer.Cluster> articles) {
        List<List<ArticleClusterer.Cluster>> chunks = new ArrayList<>();
        List<ArticleClusterer.Cluster> chunk = new ArrayList<>();
        int captures = 0;
        for (ArticleClusterer.Cluster article : articles) {
            chunk.add(article);
            captures += article.members().size();
            if (captures >= StoredCaptures.CHUNK) {
                chunks.add(chunk);
                chunk = new ArrayList<>();
                captures = 0;
            }
        }
        if (!chunk.isEmpty()) {
            chunks.add(chunk);
        }
        return chunks;
    }

    /** The capture rows of these articles' members, by order key, as entities of the session. */
    private Map<String, CaptureEntity> entities(List<ArticleClusterer.Cluster> articles, StoredCaptures stored) {
        List<UUID> ids = articles.stream().flatMap(a -> a.members().stream()).map(k -> stored.get(k).id()).toList();
        Map<String, CaptureEntity> byKey = new HashMap<>();
        Sql.entities(em, "select * from capture where id = any(cast(?1 as uuid[]))", CaptureEntity.class)
                .setParameter(1, Sql.array(ids)).setFlushMode(FlushModeType.COMMIT).getResultList()
                .forEach(c -> byKey.put(SourceCapture.orderKey(c.capturedAt, c.rawSha256, c.url), c));
        return byKey;
    }

    /**
     * Throws a 503 problem, having read nothing, when the source has more captures than a re-derivation may hold: the
     * caller's transaction is then rolled back, and nothing of the request that needed it is stored.
     */
    private void refuseBeyondTheHeap(String source, String why) {
        long heap = Runtime.getRuntime().maxMemory();
        long limit = limits.limit(heap);
        long captures = CaptureEntity.count("source", source);
        if (captures > limit) {
            LOG.errorf("refused to re-derive source %s (%s): %d captures, at most %d with a heap of %d MB", source,
                    why, captures, limit, heap >> 20);
            throw new ArchiveException(ProblemKind.TOO_LARGE_TO_REDERIVE, String.format(Locale.ROOT, "source %s"
                    + " would have to be re-derived from all its %d captures (%s), and this server re-derives at most"
                    + " %d (a heap of %d MB; palimpsest.rederive.*), so nothing was changed and the capture that"
                    + " needed it was not stored. An operator can give the server a larger heap (-Xmx) or set"
                    + " palimpsest.rederive.max-captures", source, captures, why, limit, heap >> 20));
        }
    }

    /** The live article, not yet matched, that held most of this derived article's captures. */
    private static Optional<ArticleEntity> mostOverlapping(ArticleClusterer.Cluster article, StoredCaptures stored,
            Map<UUID, ArticleEntity> unmatched) {
        return article.members().stream()
                .map(key -> stored.get(key).article())
                .filter(id -> id != null && unmatched.containsKey(id))
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<UUID, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> unmatched.get(e.getKey()));
    }
}
